package id.pantau.casework.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import id.pantau.shared.ContentStore;
import id.pantau.shared.EvidenceType;
import id.pantau.shared.InvalidInputException;
import id.pantau.shared.NotFoundException;
import id.pantau.shared.Sha256;
import id.pantau.shared.TimeOrderedUuid;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Documents of a case (minutes, decisions, letters), checked by content like evidence (PDF or
 * photo) and stored by hash. A document is uploaded first, then attached to the action it
 * belongs to; one not yet attached is listed as pending.
 */
@Service
class CaseDocuments {

    static final int MAX_PER_CASE = 100;

    private final JdbcClient jdbc;
    private final ContentStore store;
    private final Clock clock;

    CaseDocuments(JdbcClient jdbc, ContentStore store, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.clock = clock;
    }

    record Document(UUID id, String fileName, String contentType, long size, String sha256, Instant uploadedAt,
                    String uploadedBy, @Nullable Long eventId) {
    }

    /** Stores a document of a case whose row the caller has locked. */
    Document upload(UUID caseId, byte[] content, @Nullable String fileName, String uploadedBy) {
        if (content.length == 0) {
            throw InvalidInputException.of("file", "file.empty", "is empty");
        }
        EvidenceType type = EvidenceType.detect(content).orElseThrow(() -> InvalidInputException.of("file", "file.type",
                "must be a PDF or a photo (JPEG, PNG, WebP); the content is neither, whatever its name says"));
        long count = jdbc.sql("select count(*) from case_document where case_id = ?").param(caseId).query(Long.class).single();
        if (count >= MAX_PER_CASE) {
            throw InvalidInputException.of("file", "file.tooMany", "a case takes at most " + MAX_PER_CASE + " documents");
        }
        byte[] hash = Sha256.of(content);
        String hex = HexFormat.of().formatHex(hash);
        try {
            store.put(hex, content);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store document " + hex, e);
        }
        UUID id = TimeOrderedUuid.next(clock);
        Instant now = clock.instant();
        String name = cleanName(fileName, hex + "." + type.extension());
        jdbc.sql("""
                        insert into case_document (id, case_id, sha256, content_type, size_bytes, file_name, uploaded_at, uploaded_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, caseId, hash, type.mediaType(), content.length, name, Timestamp.from(now), uploadedBy)
                .update();
        return new Document(id, name, type.mediaType(), content.length, hex, now, uploadedBy, null);
    }

    /** Attaches uploaded, not yet attached documents of the case to a history entry. */
    void attach(UUID caseId, List<UUID> documentIds, long eventId) {
        if (documentIds.isEmpty()) {
            return;
        }
        int attached = jdbc.sql("""
                        update case_document set event_id = ? where case_id = ? and event_id is null and id = any(?)""")
                .params(eventId, caseId, documentIds.stream().distinct().toArray(UUID[]::new))
                .update();
        if (attached != documentIds.stream().distinct().count()) {
            throw InvalidInputException.of("documentIds", "documentIds.unknown",
                    "name documents uploaded to this case and not yet attached to another step");
        }
    }

    List<Document> list(UUID caseId) {
        return jdbc.sql("""
                        select id, file_name, content_type, size_bytes, sha256, uploaded_at, uploaded_by, event_id
                          from case_document where case_id = ? order by uploaded_at, id""")
                .param(caseId).query(CaseDocuments::document).list();
    }

    record Content(Document document, InputStream stream) {
    }

    Content open(UUID caseId, UUID documentId) {
        Document document = jdbc.sql("""
                        select id, file_name, content_type, size_bytes, sha256, uploaded_at, uploaded_by, event_id
                          from case_document where case_id = ? and id = ?""")
                .params(caseId, documentId).query(CaseDocuments::document).optional()
                .orElseThrow(() -> new NotFoundException("Document", documentId));
        try {
            return new Content(document, store.open(document.sha256()));
        } catch (IOException e) {
            throw new UncheckedIOException("Document file " + document.sha256() + " is missing from the store", e);
        }
    }

    private static Document document(ResultSet rs, int row) throws SQLException {
        return new Document(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getLong(4),
                HexFormat.of().formatHex(rs.getBytes(5)), rs.getTimestamp(6).toInstant(), rs.getString(7),
                (Long) rs.getObject(8));
    }

    /** Only a display name: never used as a path. */
    private static String cleanName(@Nullable String name, String fallback) {
        if (name == null || name.isBlank()) {
            return fallback;
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        return base.isEmpty() ? fallback : base.substring(0, Math.min(base.length(), 200));
    }
}
