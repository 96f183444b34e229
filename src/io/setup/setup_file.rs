use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::domain::{Branding, Catalog, CompetitorId, NamedList, OwnerId, Settings, StageId, Taxonomy};

use super::{SetupError, MAX_SETUP_BYTES};

/// The marker every setup carries, so that a backup or any other JSON file
/// picked by mistake is recognised as not being one.
pub const SETUP_FORMAT: &str = "winloss-setup";

/// The newest setup version this build writes and reads.
pub const SETUP_VERSION: u32 = 1;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// What a consultant hands a client: the reasons and their categories, the
/// owners, competitors and stages, the closing rules, and the branding.
/// Never deals, exchange rates or the merge log: those belong to whoever
/// records the deals.
///
/// Get one from [`read_setup`] or [`super::read_setup_fragment`], which
/// check it; deserialising it directly checks nothing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Setup {
    pub format: String,
    pub version: u32,
    #[serde(default)]
    pub branding: Branding,
    pub taxonomy: Taxonomy,
    #[serde(default)]
    pub owners: NamedList<OwnerId>,
    #[serde(default)]
    pub competitors: NamedList<CompetitorId>,
    #[serde(default)]
    pub stages: NamedList<StageId>,
    #[serde(default)]
    pub settings: Settings,
}

impl Setup {
    /// The setup of a workspace, ready to hand over.
    ///
    /// The merge log is left out: it records how the consultant's own deals
    /// were remapped, which means nothing to a client who has none of those
    /// deals, and applying a setup keeps the client's own log.
    pub fn from_catalog(catalog: &Catalog) -> Setup {
        Setup {
            format: SETUP_FORMAT.to_owned(),
            version: SETUP_VERSION,
            branding: catalog.branding.clone(),
            taxonomy: Taxonomy { merges: Vec::new(), ..catalog.taxonomy.clone() },
            owners: catalog.owners.clone(),
            competitors: catalog.competitors.clone(),
            stages: catalog.stages.clone(),
            settings: catalog.settings,
        }
    }
}

/// The setup as a pretty-printed JSON file, readable and diffable by the
/// consultant who keeps it.
pub fn write_setup(setup: &Setup) -> String {
    // Every field is a string, number, list or record with string keys, the
    // only things JSON can fail on, so this cannot fail.
    serde_json::to_string_pretty(setup).expect("a setup is plain JSON")
}

/// Reads a setup file, checking everything before anything can be applied.
pub fn read_setup(bytes: &[u8]) -> Result<Setup, SetupError> {
    decode_setup(bytes, Origin::File)
}

/// Where a setup came from, which decides how a damaged one is described.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Origin {
    File,
    Link,
}

impl Origin {
    fn not_a_setup(self) -> SetupError {
        match self {
            Origin::File => SetupError::NotASetup,
            // The link said it held a setup, so the person was promised one.
            Origin::Link => SetupError::DamagedLink("it does not hold a Winloss setup".to_owned()),
        }
    }

    fn damaged(self, why: String) -> SetupError {
        match self {
            Origin::File => SetupError::DamagedFile(why),
            Origin::Link => SetupError::DamagedLink(why),
        }
    }
}

/// Reads the JSON of a setup from a file or an unpacked link: format marker
/// and version first, so that a newer setup is reported as such rather than
/// as damaged, then the whole shape, then every invariant.
pub(super) fn decode_setup(bytes: &[u8], origin: Origin) -> Result<Setup, SetupError> {
    if bytes.len() > MAX_SETUP_BYTES {
        return Err(SetupError::TooLarge { bytes: bytes.len() });
    }
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    let document: Value = serde_json::from_slice(bytes).map_err(|_| origin.not_a_setup())?;
    let Some(fields) = document.as_object() else {
        return Err(origin.not_a_setup());
    };
    if fields.get("format").and_then(Value::as_str) != Some(SETUP_FORMAT) {
        return Err(origin.not_a_setup());
    }
    match fields.get("version").and_then(Value::as_u64) {
        None | Some(0) => return Err(origin.damaged("its version is missing or unknown".to_owned())),
        Some(found) if found > u64::from(SETUP_VERSION) => {
            return Err(SetupError::NewerVersion { found: u32::try_from(found).unwrap_or(u32::MAX), supported: SETUP_VERSION });
        }
        Some(_) => {}
    }
    let mut setup = Setup::deserialize(&document).map_err(|error| origin.damaged(error.to_string()))?;
    // A hand-made file may carry a merge log; it is dropped for the same
    // reason `Setup::from_catalog` leaves it out.
    setup.taxonomy.merges.clear();
    setup.validate()?;
    setup.branding = setup.branding.normalised().map_err(SetupError::InvalidBranding)?;
    Ok(setup)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ReasonMerge;

    fn standard_setup() -> Setup {
        Setup::from_catalog(&Catalog::standard())
    }

    #[test]
    fn a_written_setup_reads_back_the_same() {
        let setup = standard_setup();
        assert_eq!(read_setup(write_setup(&setup).as_bytes()), Ok(setup));
    }

    #[test]
    fn the_merge_log_never_travels() {
        let mut catalog = Catalog::standard();
        catalog.taxonomy.merges.push(ReasonMerge {
            from: crate::domain::ReasonId::new("lost-no-budget"),
            from_label: "No budget".into(),
            into: crate::domain::ReasonId::new("lost-too-expensive"),
            at: chrono::DateTime::UNIX_EPOCH,
            deals_remapped: 2,
        });
        assert!(Setup::from_catalog(&catalog).taxonomy.merges.is_empty());

        let mut hand_made = serde_json::to_value(standard_setup()).expect("serialises");
        hand_made["taxonomy"]["merges"] = serde_json::to_value(&catalog.taxonomy.merges).expect("serialises");
        let read = read_setup(hand_made.to_string().as_bytes()).expect("reads");
        assert!(read.taxonomy.merges.is_empty());
    }

    #[test]
    fn a_byte_order_mark_is_ignored() {
        let mut bytes = UTF8_BOM.to_vec();
        bytes.extend_from_slice(write_setup(&standard_setup()).as_bytes());
        assert!(read_setup(&bytes).is_ok());
    }

    #[test]
    fn the_branding_is_normalised_on_reading() {
        let mut setup = standard_setup();
        setup.branding = Branding { title: "  Acme wins ".into(), accent: "#ABC".into() };
        let read = read_setup(write_setup(&setup).as_bytes()).expect("reads");
        assert_eq!(read.branding, Branding { title: "Acme wins".into(), accent: "#aabbcc".into() });
    }

    #[test]
    fn other_json_is_not_a_setup() {
        for text in ["", "not json", "[]", "[\"winloss-setup\", 1]", "{}", r#"{"format":"winloss-backup","version":1}"#, r#"{"format":7}"#] {
            assert_eq!(read_setup(text.as_bytes()), Err(SetupError::NotASetup), "{text:?}");
        }
    }

    #[test]
    fn the_version_is_checked_before_the_shape() {
        let newer = r#"{"format":"winloss-setup","version":2,"taxonomy":"from the future"}"#;
        assert_eq!(read_setup(newer.as_bytes()), Err(SetupError::NewerVersion { found: 2, supported: 1 }));
        let huge = r#"{"format":"winloss-setup","version":99999999999}"#;
        assert_eq!(read_setup(huge.as_bytes()), Err(SetupError::NewerVersion { found: u32::MAX, supported: 1 }));
        for version in ["0", "-1", "\"1\"", "1.5"] {
            let text = format!(r#"{{"format":"winloss-setup","version":{version}}}"#);
            assert!(matches!(read_setup(text.as_bytes()), Err(SetupError::DamagedFile(_))), "{version}");
        }
    }

    #[test]
    fn a_setup_of_the_wrong_shape_is_damaged() {
        let text = r#"{"format":"winloss-setup","version":1,"taxonomy":{"categories":7,"reasons":[]}}"#;
        assert!(matches!(read_setup(text.as_bytes()), Err(SetupError::DamagedFile(why)) if why.contains("invalid type")));
        let text = r#"{"format":"winloss-setup","version":1}"#;
        assert!(matches!(read_setup(text.as_bytes()), Err(SetupError::DamagedFile(why)) if why.contains("taxonomy")));
    }

    #[test]
    fn files_above_the_limit_are_refused_unread() {
        let bytes = vec![b' '; MAX_SETUP_BYTES + 1];
        assert_eq!(read_setup(&bytes), Err(SetupError::TooLarge { bytes: MAX_SETUP_BYTES + 1 }));
    }

    #[test]
    fn links_describe_what_files_call_not_a_setup_as_damaged() {
        assert!(matches!(decode_setup(b"[]", Origin::Link), Err(SetupError::DamagedLink(_))));
        let text = r#"{"format":"winloss-setup","version":1}"#;
        assert!(matches!(decode_setup(text.as_bytes(), Origin::Link), Err(SetupError::DamagedLink(_))));
    }
}
