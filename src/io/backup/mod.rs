//! Full backups as one JSON file: writing, reading every earlier schema, restoring and merging.
