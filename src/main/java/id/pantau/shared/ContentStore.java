package id.pantau.shared;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where stored files (evidence, case documents) live, addressed by their SHA-256 (lower-case hex): the same file sent
 * twice is stored once, and a stored file cannot change without its address changing. The
 * default keeps them in a local directory; a deployment may provide another implementation
 * (object storage) as a bean.
 */
public interface ContentStore {

    /** Stores the content unless a file with this hash is already there. */
    void put(String sha256, byte[] content) throws IOException;

    InputStream open(String sha256) throws IOException;
}
