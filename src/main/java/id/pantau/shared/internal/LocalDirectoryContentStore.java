package id.pantau.shared.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import id.pantau.shared.ContentStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Stored files in a directory ({@code PANTAU_EVIDENCE_DIR}), fanned out as {@code ab/cd/abcd…} so no
 * directory grows huge. Files are written to a temporary name and moved into place, so a crash
 * never leaves a half-written file under a valid hash.
 */
final class LocalDirectoryContentStore implements ContentStore {

    private final Path root;

    LocalDirectoryContentStore(Path root) {
        this.root = root;
    }

    @Override
    public void put(String sha256, byte[] content) throws IOException {
        Path target = path(sha256);
        if (Files.exists(target)) {
            return;
        }
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), sha256, ".part");
        try {
            Files.write(temporary, content);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target);
            }
        } catch (FileAlreadyExistsException raced) {
            // another request stored the same content first: same bytes, nothing to do
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        return Files.newInputStream(path(sha256));
    }

    private Path path(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    @Configuration(proxyBeanMethods = false)
    static class Default {

        @Bean
        @ConditionalOnMissingBean(ContentStore.class)
        ContentStore localDirectoryContentStore(@Value("${pantau.evidence.directory}") Path directory) throws IOException {
            Files.createDirectories(directory);
            return new LocalDirectoryContentStore(directory);
        }
    }
}
