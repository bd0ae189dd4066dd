package id.pantau.network.internal;

import org.jspecify.annotations.Nullable;

/**
 * A speaker (narasumber) of an activity: a name and a role such as "Ketua Bawaslu Kabupaten" or
 * "Dosen Hukum Tata Negara". Speakers act in public, so they are stored in the clear.
 */
record ActivitySpeaker(@Nullable String name, @Nullable String role) {
}
