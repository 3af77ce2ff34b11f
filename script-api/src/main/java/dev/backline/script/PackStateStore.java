package dev.backline.script;

/** A pack's own key/value state, kept across reloads (and, with persistence, across restarts). */
interface PackStateStore {
    Object get(String key);

    /** Stores a JSON-compatible value; null removes the key. */
    void put(String key, Object value);
}
