// The app's IPC commands, by name. build.rs includes this file to generate the app's
// permission manifest (an `allow-<command>` permission per name); tests/config.rs checks it
// against the handlers in lib.rs and the capabilities. Keep it equal to `generate_handler!`.
pub const COMMANDS: &[&str] = &[
    "app_info",
    "open_projector",
    "list_meetings",
    "get_meeting",
    "apply_intent",
    "demo",
    // home: setup options, roster, exports (src/commands_home.rs)
    "setup_options",
    "list_roster",
    "save_person",
    "remove_person",
    "import_roster",
    "export_document",
    // home: the year's meetings against the minimums (src/compliance.rs)
    "compliance",
    // home: the topic pool (src/topics.rs)
    "list_topics",
    "agenda_topics",
    "propose_topic",
    "decide_topic",
    "withdraw_topic",
    "escalate_item",
    // home: the archive's full-text search (src/search.rs)
    "search_archive",
    // home: backups and repair (src/backup.rs)
    "backup_status",
    "choose_backup_folder",
    "backup_now",
    "restore_backup",
    "store_health",
    "examine_store",
    "repair_store",
    // home: the community profile (src/profile.rs)
    "get_profile",
    "save_profile",
    "suggest_issuer",
    // home: certificate, trust, verifying a PDF (src/papers.rs)
    "papers_status",
    "export_certificate",
    "pick_certificate",
    "trust_certificate",
    "verify_document",
    // home: bundles for the street office and its overview (src/archive.rs)
    "export_bundle",
    "import_bundle",
    "street_overview",
];
