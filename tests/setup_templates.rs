//! Consultant setups end to end: a consultant's workspace written as a file
//! or a link, read back with every check, and applied to a client's
//! workspace that already has deals.

use std::sync::LazyLock;
use std::time::{Duration, Instant};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{DateTime, NaiveDate};
use proptest::prelude::*;

use winloss::domain::{
    AppliesTo, Branding, Catalog, CategoryId, CompetitorId, Deal, DealId, NamedList, Outcome, OwnerId, ReasonId, Side,
};
use winloss::io::setup::{
    apply_setup, read_setup, read_setup_fragment, setup_link_fragment, write_setup, Setup, SetupChanges, SetupError, SetupPart,
    MAX_SETUP_BYTES,
};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/setups/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

fn rid(text: &str) -> ReasonId {
    ReasonId::new(text)
}

/// A consultant's workspace: the standard reasons reworked for a client,
/// the client's salespeople and competitors, and the client's branding.
fn consultant_catalog() -> Catalog {
    let mut catalog = Catalog::standard();
    let taxonomy = &mut catalog.taxonomy;
    taxonomy.delete_unused_reason(&rid("lost-poor-demo"), &[]).expect("unused");
    taxonomy.add_category(CategoryId::new("legal"), "Legal and procurement").expect("adds");
    taxonomy.add_reason(rid("consultant-legal"), "legal review", CategoryId::new("legal"), AppliesTo::Lost).expect("adds");
    taxonomy.rename_reason(&rid("lost-too-expensive"), "Price too high").expect("renames");
    catalog.owners = NamedList::from_names(&["Dana", "Mo"], |index, _| OwnerId::new(format!("consultant-owner-{index}")));
    catalog.competitors = NamedList::from_names(&["Initech", "Globex"], |index, _| CompetitorId::new(format!("consultant-competitor-{index}")));
    catalog.settings.require_note_for_other = false;
    catalog.branding = Branding { title: "Acme win/loss".into(), accent: "#aa3300".into() };
    catalog
}

/// A client who has used Winloss for a while, with a reason of their own.
fn client_catalog() -> Catalog {
    let mut catalog = Catalog::standard();
    catalog.taxonomy.add_reason(rid("client-legal"), "Legal review", CategoryId::new("decision"), AppliesTo::Lost).expect("adds");
    catalog.owners = NamedList::from_names(&["Dana"], |_, _| OwnerId::new("client-dana"));
    catalog.competitors = NamedList::from_names(&["initech"], |_, _| CompetitorId::new("client-initech"));
    catalog
}

fn deal(id: &str, outcome: Outcome, reason: &str, secondary: &[&str]) -> Deal {
    let created = NaiveDate::from_ymd_opt(2026, 2, 1).expect("valid date");
    Deal {
        outcome,
        reason: Some(rid(reason)),
        secondary_reasons: secondary.iter().map(|r| rid(r)).collect(),
        ..Deal::new_open(DealId::new(id), id, created, DateTime::UNIX_EPOCH)
    }
}

fn client_deals() -> Vec<Deal> {
    vec![
        deal("d1", Outcome::Lost, "lost-poor-demo", &[]),
        deal("d2", Outcome::Lost, "client-legal", &["lost-too-expensive"]),
        deal("d3", Outcome::Won, "won-relationship", &["won-responsive"]),
    ]
}

fn consultant_setup() -> Setup {
    Setup::from_catalog(&consultant_catalog())
}

/// A link fragment around any bytes, packed as Winloss packs setups.
fn link_of(json: &[u8]) -> String {
    format!("setup={}", URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(json, 9)))
}

#[test]
fn a_setup_file_reads_back_exactly() {
    let setup = consultant_setup();
    assert_eq!(read_setup(write_setup(&setup).as_bytes()), Ok(setup));
}

#[test]
fn a_setup_link_reads_back_exactly() {
    let setup = consultant_setup();
    let fragment = setup_link_fragment(&setup);
    assert!(fragment.starts_with("setup="));
    assert_eq!(read_setup_fragment(&format!("#{fragment}")), Ok(Some(setup)));
}

#[test]
fn a_setup_file_written_by_version_one_still_reads() {
    let setup = read_setup(&fixture("consultant.json")).expect("reads");
    assert_eq!(setup.branding, Branding { title: "Northwind win/loss".into(), accent: "#0b7a75".into() });
    assert_eq!(setup.taxonomy.reasons.len(), 8);
    assert!(setup.taxonomy.reason(&rid("lost-poor-demo")).is_some_and(|reason| reason.archived));
    assert_eq!(setup.competitors.items.len(), 2);
    assert!(!setup.settings.require_note_for_other);
}

#[test]
fn a_hand_written_setup_needs_only_its_reasons() {
    let setup = read_setup(&fixture("minimal.json")).expect("reads");
    assert_eq!(setup.branding, Branding::default());
    assert!(setup.owners.items.is_empty() && setup.stages.items.is_empty());
    let (after, changes) = apply_setup(&client_catalog(), &client_deals(), &setup);
    assert_eq!(after.taxonomy.validate(), Ok(()));
    assert_eq!(after.stages, client_catalog().stages, "no stages in the setup leaves ours alone");
    assert_eq!(changes.reasons_added, 2);
}

#[test]
fn applying_a_consultant_setup_to_a_client_with_deals() {
    let client = client_catalog();
    let deals = client_deals();
    let setup = read_setup_fragment(&setup_link_fragment(&consultant_setup())).expect("reads").expect("a setup");
    let (after, changes) = apply_setup(&client, &deals, &setup);
    let taxonomy = &after.taxonomy;
    assert_eq!(taxonomy.validate(), Ok(()));

    // Every reason a deal cites still resolves.
    for reason in deals.iter().flat_map(Deal::all_reasons) {
        assert!(taxonomy.reason(reason).is_some(), "{reason} was lost");
    }
    // A reason the setup dropped but a deal uses is kept, archived, in its category.
    let demo = taxonomy.reason(&rid("lost-poor-demo")).expect("kept");
    assert!(demo.archived);
    assert!(taxonomy.categories.iter().any(|category| category.id == demo.category));
    assert!(!taxonomy.offered(Side::Lost).iter().flat_map(|(_, reasons)| reasons).any(|reason| reason.id == demo.id));
    // A reason matched by label keeps the client's id and takes the setup's label and category.
    let legal = taxonomy.reason(&rid("client-legal")).expect("kept under the client's id");
    assert_eq!((legal.label.as_str(), legal.category.as_str()), ("legal review", "legal"));
    assert!(taxonomy.reason(&rid("consultant-legal")).is_none());
    assert_eq!(taxonomy.reason(&rid("lost-too-expensive")).map(|reason| reason.label.as_str()), Some("Price too high"));
    // Lists are united; the client's entries keep their ids.
    let owners: Vec<(&str, &str)> = after.owners.items.iter().map(|o| (o.id.as_str(), o.name.as_str())).collect();
    assert_eq!(owners, [("client-dana", "Dana"), ("consultant-owner-1", "Mo")]);
    let competitors: Vec<&str> = after.competitors.items.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(competitors, ["client-initech", "consultant-competitor-1"]);
    // Branding and settings are the setup's.
    assert_eq!(after.branding.title, "Acme win/loss");
    assert_eq!(after.settings, consultant_catalog().settings);

    assert_eq!(
        changes,
        SetupChanges { reasons_added: 0, reasons_archived: 1, reasons_removed: 0, owners_added: 1, competitors_added: 1, stages_added: 0 }
    );
    assert_eq!(
        changes.sentence(),
        "This setup adds 1 owner and 1 competitor and archives 1 reason your deals still use. \
         Its title, colour and closing rules replace yours; your deals stay as they are."
    );
}

#[test]
fn applying_the_same_setup_twice_changes_nothing_more() {
    let deals = client_deals();
    let (once, _) = apply_setup(&client_catalog(), &deals, &consultant_setup());
    let (twice, changes) = apply_setup(&once, &deals, &consultant_setup());
    assert_eq!(twice, once);
    assert_eq!(changes, SetupChanges { reasons_archived: 1, ..SetupChanges::default() });
}

#[test]
fn every_error_has_its_message() {
    let valid = serde_json::to_value(consultant_setup()).expect("serialises");
    let with = |edit: &dyn Fn(&mut serde_json::Value)| {
        let mut document = valid.clone();
        edit(&mut document);
        document.to_string()
    };
    let cases: Vec<(Option<SetupError>, &str)> = vec![
        (read_setup(b"Name,Amount\nAcme,100\n").err(), "This file is not a Winloss setup."),
        (read_setup(br#"{"format":"winloss-backup","schema_version":4}"#).err(), "This file is not a Winloss setup."),
        (read_setup(with(&|d| d["taxonomy"]["reasons"] = 7.into()).as_bytes()).err(), "This setup file is damaged (invalid type"),
        (read_setup(&vec![b' '; MAX_SETUP_BYTES + 1]).err(), "This setup is too large (257 KB)"),
        (read_setup(with(&|d| d["version"] = 2.into()).as_bytes()).err(), "This setup was made by a newer version of Winloss"),
        (
            read_setup(with(&|d| d["taxonomy"]["reasons"][1]["id"] = "lost-too-expensive".into()).as_bytes()).err(),
            "The setup's reason list is invalid: two reasons share the id “lost-too-expensive”.",
        ),
        (
            read_setup(with(&|d| d["owners"]["items"][0]["name"] = " ".into()).as_bytes()).err(),
            "The setup's owner list is invalid: the name of “consultant-owner-0” is empty.",
        ),
        (
            read_setup(with(&|d| d["branding"]["accent"] = "javascript:alert(1)".into()).as_bytes()).err(),
            "The setup's title or accent colour is invalid: “javascript:alert(1)” is not a colour",
        ),
        (read_setup_fragment("setup=%%%").err(), "This setup link is damaged (it holds characters"),
        (read_setup_fragment(&format!("setup={}", "A".repeat(400_000))).err(), "This setup is too large (391 KB)"),
        (read_setup_fragment(&link_of(&vec![b'['; 300_000])).err(), "This setup is too large (it unpacks to more than 256 KB)"),
    ];
    for (error, expected) in cases {
        let message = error.map(|error| error.to_string()).unwrap_or_default();
        assert!(message.starts_with(expected), "{message:?} does not start with {expected:?}");
    }
}

#[test]
fn the_errors_name_the_part_that_is_wrong() {
    let mut setup = consultant_setup();
    setup.stages.items[0].id = setup.stages.items[1].id.clone();
    assert!(matches!(read_setup(write_setup(&setup).as_bytes()), Err(SetupError::Invalid { part: SetupPart::Stages, .. })));
}

#[test]
fn malformed_links_are_damaged() {
    let fragment = setup_link_fragment(&consultant_setup());
    let truncated = &fragment[..fragment.len() - 40];
    let mut flipped = fragment.clone().into_bytes();
    let middle = flipped.len() / 2;
    flipped[middle] = if flipped[middle] == b'A' { b'B' } else { b'A' };
    let flipped = String::from_utf8(flipped).expect("ASCII");
    let cases = [
        "setup=".to_owned(),
        "setup=****".to_owned(),
        "setup=A".to_owned(),
        truncated.to_owned(),
        format!("setup={}", URL_SAFE_NO_PAD.encode("not compressed at all")),
        link_of(b"\xff\xfe not UTF-8"),
        link_of(b"{\"format\":\"winloss-setup\""),
        link_of(br#"{"format":"winloss-setup","version":1,"taxonomy":{"categories":[],"reasons":{}}}"#),
        link_of(br#"{"format":"winloss-backup","version":1}"#),
    ];
    for case in cases {
        let result = read_setup_fragment(&case);
        assert!(matches!(result, Err(SetupError::DamagedLink(_))), "{case:.60} gave {result:?}");
    }
    // A flipped character either breaks the packing or lands in a label; it never panics or passes silently as something else.
    assert!(matches!(read_setup_fragment(&flipped), Err(SetupError::DamagedLink(_)) | Err(SetupError::Invalid { .. }) | Ok(Some(_))));
}

#[test]
fn a_compressed_bomb_is_stopped_at_the_limit() {
    let bomb = vec![b' '; 64 * MAX_SETUP_BYTES];
    let fragment = link_of(&bomb);
    assert!(fragment.len() < 40_000, "the bomb is small: {} characters", fragment.len());
    assert_eq!(read_setup_fragment(&fragment), Err(SetupError::UnpacksTooLarge));
}

#[test]
fn a_ten_megabyte_fragment_is_refused_fast() {
    let fragment = format!("#setup={}", "A".repeat(10 * 1024 * 1024));
    let started = Instant::now();
    let result = read_setup_fragment(&fragment);
    assert!(matches!(result, Err(SetupError::TooLarge { .. })), "{result:?}");
    assert!(started.elapsed() < Duration::from_millis(200), "took {:?}", started.elapsed());
}

/// Made once: packing at the strongest level is the slow part of a case.
static CONSULTANT_LINK: LazyLock<String> = LazyLock::new(|| setup_link_fragment(&consultant_setup()));
static CONSULTANT_FILE: LazyLock<String> = LazyLock::new(|| write_setup(&consultant_setup()));

fn mutated(text: &str, edits: &[(usize, u8)], keep: usize) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    for (at, byte) in edits {
        if !bytes.is_empty() {
            let at = at % bytes.len();
            bytes[at] = *byte;
        }
    }
    bytes.truncate(keep.max(1));
    bytes
}

fn base64url_char() -> impl Strategy<Value = u8> {
    proptest::sample::select(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".to_vec())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_fragment_is_answered_without_panicking(text in any::<String>(), payload in "[A-Za-z0-9_=-]{0,400}") {
        prop_assert_eq!(read_setup_fragment(&text).ok().flatten(), None::<Setup>);
        let _ = read_setup_fragment(&format!("#setup={payload}"));
    }

    #[test]
    fn any_damage_to_a_link_is_answered_without_panicking(
        edits in proptest::collection::vec((any::<usize>(), base64url_char()), 0..4),
        keep in any::<usize>(),
    ) {
        let fragment = CONSULTANT_LINK.as_str();
        let damaged = mutated(fragment, &edits, keep % (fragment.len() + 1));
        let damaged = String::from_utf8(damaged).unwrap_or_default();
        if let Ok(Some(setup)) = read_setup_fragment(&damaged) {
            prop_assert_eq!(setup.validate(), Ok(()));
        }
    }

    #[test]
    fn any_bytes_are_answered_without_panicking(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        prop_assert!(read_setup(&bytes).is_err());
    }

    #[test]
    fn any_damage_to_a_file_is_answered_without_panicking(
        edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 0..4),
        keep in any::<usize>(),
    ) {
        let file = CONSULTANT_FILE.as_str();
        let damaged = mutated(file, &edits, keep % (file.len() * 2));
        if let Ok(setup) = read_setup(&damaged) {
            prop_assert_eq!(setup.validate(), Ok(()));
        }
    }
}
