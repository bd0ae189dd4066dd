package id.pantau.report.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import id.pantau.shared.EvidenceType;
import id.pantau.shared.ContentStore;
import id.pantau.shared.InvalidInputException;
import id.pantau.shared.NotFoundException;
import id.pantau.shared.Sha256;
import id.pantau.shared.TimeOrderedUuid;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Evidence files of reports: checked by content, stored by hash, listed with their hash for staff. */
@Service
class Evidence {

    static final int MAX_FILES_PER_REPORT = 20;

    private final JdbcClient jdbc;
    private final ContentStore store;
    private final Clock clock;

    Evidence(JdbcClient jdbc, ContentStore store, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.clock = clock;
    }

    record Item(UUID id, String sha256, String contentType, long size, @Nullable String fileName, Instant uploadedAt) {

        /** Photos can be shown (without their metadata, see {@link Evidence#photo}); PDFs are only downloaded. */
        public boolean isImage() {
            return contentType.startsWith("image/");
        }
    }

    record Attached(Item item, boolean created) {
    }

    @Transactional
    Attached attach(UUID reportId, byte[] content, @Nullable String fileName, String uploadedBy) {
        if (content.length == 0) {
            throw InvalidInputException.of("file", "file.empty", "is empty");
        }
        EvidenceType type = EvidenceType.detect(content).orElseThrow(() -> InvalidInputException.of("file", "file.type",
                "must be a photo (JPEG, PNG, WebP) or a PDF; the content is neither, whatever its name says"));
        byte[] hash = Sha256.of(content);
        Optional<Item> existing = find(reportId, hash);
        if (existing.isPresent()) {
            return new Attached(existing.get(), false);
        }
        // serialise uploads to one report, so the limit holds under concurrent uploads
        jdbc.sql("select id from report where id = ? for update").param(reportId).query(UUID.class).single();
        long count = jdbc.sql("select count(*) from evidence where report_id = ?").param(reportId).query(Long.class).single();
        if (count >= MAX_FILES_PER_REPORT) {
            throw InvalidInputException.of("file", "file.tooMany", "a report takes at most " + MAX_FILES_PER_REPORT + " files");
        }
        String hex = HexFormat.of().formatHex(hash);
        try {
            store.put(hex, content);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store evidence " + hex, e);
        }
        UUID id = TimeOrderedUuid.next(clock);
        Instant now = clock.instant();
        int inserted = jdbc.sql("""
                        insert into evidence (id, report_id, sha256, content_type, size_bytes, file_name, uploaded_at, uploaded_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (report_id, sha256) do nothing""")
                .params(id, reportId, hash, type.mediaType(), content.length, cleanName(fileName), Timestamp.from(now), uploadedBy)
                .update();
        if (inserted == 0) {
            return new Attached(find(reportId, hash).orElseThrow(), false);
        }
        return new Attached(new Item(id, hex, type.mediaType(), content.length, cleanName(fileName), now), true);
    }

    List<Item> list(UUID reportId) {
        return jdbc.sql("select id, sha256, content_type, size_bytes, file_name, uploaded_at from evidence where report_id = ? order by uploaded_at")
                .param(reportId).query((rs, row) -> item(rs)).list();
    }

    record Content(Item item, InputStream stream) {

        /** The original file as a download, its hash in a header so a recipient can check it. */
        ResponseEntity<InputStreamResource> asDownload() {
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(item.contentType()))
                    .contentLength(item.size())
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename(item.fileName() == null ? item.sha256() : item.fileName()).build().toString())
                    .header("X-Content-SHA256", item.sha256())
                    .body(new InputStreamResource(stream));
        }
    }

    Content open(UUID reportId, UUID evidenceId) {
        Item item = jdbc.sql("select id, sha256, content_type, size_bytes, file_name, uploaded_at from evidence where report_id = ? and id = ?")
                .params(reportId, evidenceId).query((rs, row) -> item(rs)).optional()
                .orElseThrow(() -> new NotFoundException("Evidence", evidenceId));
        try {
            return new Content(item, store.open(item.sha256()));
        } catch (IOException e) {
            throw new UncheckedIOException("Evidence file " + item.sha256() + " is missing from the store", e);
        }
    }

    /**
     * A photo as Pantau shows it, inline on a page or to anyone other than the staff downloading the
     * original: every metadata block that can give away where it was taken or by whom (EXIF with its
     * GPS position, XMP, IPTC, comments) removed, the image data itself unchanged. The stored
     * original keeps its metadata: it is evidence, and its hash must still match. PDFs, and images
     * too malformed to strip safely, have no such copy.
     */
    record Photo(Item item, byte[] content) {

        ResponseEntity<byte[]> inline() {
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(item.contentType()))
                    .contentLength(content.length)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().build().toString())
                    .cacheControl(CacheControl.noStore())
                    .body(content);
        }
    }

    Photo photo(UUID reportId, UUID evidenceId) {
        Content original = open(reportId, evidenceId);
        byte[] bytes;
        try (InputStream stream = original.stream()) {
            bytes = stream.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read evidence " + original.item().sha256(), e);
        }
        return EvidenceType.detect(bytes)
                .flatMap(type -> ImageMetadata.withoutMetadata(bytes, type))
                .map(stripped -> new Photo(original.item(), stripped))
                .orElseThrow(() -> new NotFoundException("Photo to show of evidence", evidenceId
                        + " (not an image that can be shown; download the original instead)"));
    }

    private Optional<Item> find(UUID reportId, byte[] hash) {
        return jdbc.sql("select id, sha256, content_type, size_bytes, file_name, uploaded_at from evidence where report_id = ? and sha256 = ?")
                .params(reportId, hash).query((rs, row) -> item(rs)).optional();
    }

    private static Item item(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Item(rs.getObject(1, UUID.class), HexFormat.of().formatHex(rs.getBytes(2)), rs.getString(3), rs.getLong(4),
                rs.getString(5), rs.getTimestamp(6).toInstant());
    }

    /** Only a display name: never used as a path. */
    private static @Nullable String cleanName(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "").strip();
        return base.isEmpty() ? null : base.substring(0, Math.min(base.length(), 200));
    }

}
