package id.pantau.shared.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedPostgresServerTest {

    /**
     * pg_ctl detaches the server from the JVM, so a killed JVM leaves it running with the data
     * directory locked; the next start must stop it instead of failing on the lock.
     */
    @Test
    void aServerLeftRunningByAKilledStartIsStopped(@TempDir Path data) throws Exception {
        EmbeddedPostgres orphan = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                .setRegisterShutdownHook(false).start();
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).getFirst().strip());
        ProcessHandle server = ProcessHandle.of(pid).orElseThrow();
        try {
            EmbeddedPostgresServer.stopOrphanedServer(data);

            assertThat(server.onExit()).succeedsWithin(Duration.ofSeconds(30));
            assertThat(server.isAlive()).isFalse();
        } finally {
            server.destroyForcibly();
            try {
                orphan.close();
            } catch (Exception alreadyStopped) {
                // the point of the test
            }
        }
    }

    @Test
    void aStalePidFileOfNoRunningServerIsLeftAlone(@TempDir Path data) throws Exception {
        Files.writeString(data.resolve("postmaster.pid"), "999999999\n" + data + "\n");

        EmbeddedPostgresServer.stopOrphanedServer(data);

        assertThat(data.resolve("postmaster.pid")).exists();
    }
}
