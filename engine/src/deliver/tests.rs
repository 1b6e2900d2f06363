//! Mail from journal messages: headers, encodings, addresses, the folder.

use chrono::{FixedOffset, NaiveDate, NaiveDateTime};

use super::*;
use crate::run::{Addressee, AddresseeKind, Message};

fn at(day: u32, hour: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 3, day)
        .and_then(|d| d.and_hms_opt(hour, 30, 0))
        .unwrap_or_default()
}

fn group(id: &str, name: &str, address: Option<&str>) -> Addressee {
    Addressee {
        kind: AddresseeKind::Group,
        id: id.into(),
        name: name.into(),
        address: address.map(Into::into),
        sees_as: None,
    }
}

fn role(id: &str, name: &str) -> Addressee {
    Addressee {
        kind: AddresseeKind::Role,
        id: id.into(),
        name: name.into(),
        address: None,
        sees_as: Some(id.into()),
    }
}

fn swedish() -> Message {
    Message {
        step: None,
        deadline: Some("alarm_not_installed".into()),
        template: "paminnelse_larm.txt".into(),
        subject: Some("Påminnelse: larmet är ännu inte installerat (K-2026-017)".into()),
        body: "Hej!\n\nBeslutet om trygghetslarm fattades för en månad sedan, men larmet är ännu inte installerat.\nKontakta larmgruppen så snart som möjligt.\n\nMed vänliga hälsningar\nÄldreomsorgen\n".into(),
        to: vec![
            group("saltis", "Saltisgruppen", Some("saltis@kommun.example")),
            role("assessor", "Biståndshandläggare"),
        ],
        cc: vec![role("alarm_team", "Larmgruppen")],
        fields_used: vec![],
        from: None,
    }
}

fn config() -> MailConfig {
    let config = MailConfig::new("Rutin Äldreomsorgen <rutin@kommun.example>")
        .and_then(|c| c.with_domain("rutin.kommun.example"))
        .and_then(|c| c.with_address("assessor", "bistand@kommun.example"));
    let offset = FixedOffset::east_opt(3600)
        .map(Zone::Fixed)
        .unwrap_or(Zone::Local);
    config
        .map(|c| c.with_zone(offset))
        .unwrap_or_else(|e| panic!("{e}"))
}

fn key() -> MessageKey {
    MessageKey::case("K-2026-017", 14, 0)
}

#[test]
fn a_swedish_message_as_eml() {
    let mail = compose(&key(), at(2, 8), &swedish(), &config()).unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8(mail.bytes().to_vec()).unwrap_or_default();
    assert!(
        text.is_ascii(),
        "every header and the body are 7-bit encoded"
    );
    insta::assert_snapshot!(text.replace("\r\n", "\n"));
    assert_eq!(mail.message_id(), "<K-2026-017.14.0@rutin.kommun.example>");
    assert_eq!(mail.file_name(), "K-2026-017.14.0@rutin.kommun.example.eml");
    assert_eq!(
        mail.recipients(),
        vec!["saltis@kommun.example", "bistand@kommun.example"]
    );
    assert_eq!(
        mail.unaddressed()
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        vec!["role `alarm_team` (Larmgruppen) has no mail address"]
    );
}

#[test]
fn the_same_item_gives_the_same_bytes() {
    let first = compose(&key(), at(2, 8), &swedish(), &config()).map(|m| m.bytes().to_vec());
    let again = compose(&key(), at(2, 8), &swedish(), &config()).map(|m| m.bytes().to_vec());
    assert_eq!(first, again);
    let other = compose(
        &MessageKey::case("K-2026-017", 14, 1),
        at(2, 8),
        &swedish(),
        &config(),
    )
    .map(|m| m.message_id().to_string());
    assert_eq!(
        other.as_deref(),
        Ok("<K-2026-017.14.1@rutin.kommun.example>")
    );
}

#[test]
fn summer_time_shows_in_the_date() {
    let summer = NaiveDate::from_ymd_opt(2026, 7, 1)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .unwrap_or_default();
    let instant =
        Zone::Fixed(FixedOffset::east_opt(7200).unwrap_or_else(|| unreachable!())).instant(summer);
    assert_eq!(instant.to_rfc3339(), "2026-07-01T08:00:00+00:00");
}

#[test]
fn a_message_nobody_can_receive_is_refused_with_the_reasons() {
    let mut message = swedish();
    message.to = vec![
        group(
            "area",
            "Områdesgruppen",
            Some("Områdesgrupp Norr i Treserva"),
        ),
        role("fee_admin", "Avgiftshandläggare"),
    ];
    message.cc.clear();
    let err = compose(&key(), at(2, 8), &message, &config())
        .map(|_| ())
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "no recipient has a mail address: group `area` (Områdesgruppen) has the address \
         `Områdesgrupp Norr i Treserva`, which is not a mail address; role `fee_admin` \
         (Avgiftshandläggare) has no mail address"
    );
}

#[test]
fn a_configured_address_replaces_the_organisation_files() {
    let config = config().with_address("saltis", "ny@kommun.example");
    let mail = config.and_then(|c| {
        compose(&key(), at(2, 8), &swedish(), &c).map_err(|e| ConfigError::BadDomain(e.to_string()))
    });
    assert_eq!(
        mail.map(|m| m.recipients()),
        Ok(vec![
            "ny@kommun.example".to_string(),
            "bistand@kommun.example".to_string()
        ])
    );
}

#[test]
fn bad_settings_are_refused() {
    assert!(MailConfig::new("inte en adress").is_err());
    assert!(config().with_domain("a b").is_err());
    assert!(config().with_address("x", "Treserva").is_err());
}

#[test]
fn line_breaks_in_a_subject_cannot_add_headers() {
    let mut message = swedish();
    message.subject = Some("Hej\r\nBcc: evil@example.com".into());
    let mail = compose(&key(), at(2, 8), &message, &config()).unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8_lossy(mail.bytes()).to_string();
    assert!(
        text.contains("Subject: Hej  Bcc: evil@example.com\r\n"),
        "{text}"
    );
    assert!(!text.contains("\nBcc:"), "{text}");
}

#[test]
fn the_folder_gets_one_whole_file_per_message_id() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let folder = FolderTransport::new(dir.path().join("utkorg")).unwrap_or_else(|e| panic!("{e}"));
    let mail = compose(&key(), at(2, 8), &swedish(), &config()).unwrap_or_else(|e| panic!("{e}"));
    folder.send(&mail).unwrap_or_else(|e| panic!("{e}"));
    folder.send(&mail).unwrap_or_else(|e| panic!("{e}"));
    let names: Vec<String> = std::fs::read_dir(folder.folder())
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec!["K-2026-017.14.0@rutin.kommun.example.eml"]);
    let written = std::fs::read(folder.folder().join(&names[0])).unwrap_or_default();
    assert_eq!(written, mail.bytes());
}

#[test]
fn an_unwritable_folder_is_a_failure_worth_retrying() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let folder = FolderTransport::new(dir.path()).unwrap_or_else(|e| panic!("{e}"));
    drop(dir);
    let config = config();
    let item = Item {
        key: &key(),
        journaled: at(2, 8),
        message: &swedish(),
    };
    let outcome = attempt(&folder, &config, &RetryPolicy::default(), item, 1, at(2, 9));
    match outcome {
        Outcome::Retry {
            attempts,
            at: next,
            reason,
        } => {
            assert_eq!(
                (attempts, next),
                (1, at(2, 9) + chrono::Duration::minutes(1))
            );
            assert!(
                reason.contains("could not write K-2026-017.14.0@rutin.kommun.example.eml"),
                "{reason}"
            );
        }
        other => panic!("expected a retry, got {other:?}"),
    }
}

#[test]
fn a_file_in_the_folders_place_is_refused() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = dir.path().join("fil");
    std::fs::write(&file, "x").unwrap_or_default();
    let err = FolderTransport::new(&file).map(|_| ()).unwrap_err();
    assert!(err.to_string().starts_with("the outbox folder"), "{err}");
}

fn person(field: &str, name: &str, address: &str) -> Addressee {
    Addressee {
        kind: AddresseeKind::Person,
        id: field.into(),
        name: name.into(),
        address: Some(address.into()),
        sees_as: Some("assessor".into()),
    }
}

fn header<'a>(text: &'a str, name: &str) -> Vec<&'a str> {
    text.lines()
        .filter(|l| l.starts_with(&format!("{name}: ")))
        .collect()
}

#[test]
fn a_sender_group_names_the_mail_and_takes_the_replies() {
    let mut message = swedish();
    message.from = Some(group(
        "alarm_mail",
        "Larmgruppen",
        Some("larm@kommun.example"),
    ));
    let mail = compose(&key(), at(2, 8), &message, &config()).unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8(mail.bytes().to_vec()).unwrap_or_default();
    assert_eq!(
        header(&text, "From"),
        vec!["From: Larmgruppen <rutin@kommun.example>"]
    );
    assert_eq!(
        header(&text, "Reply-To"),
        vec!["Reply-To: Larmgruppen <larm@kommun.example>"]
    );
    assert!(
        !mail
            .recipients()
            .contains(&"larm@kommun.example".to_string()),
        "the sender is not a recipient"
    );
}

#[test]
fn a_sender_role_without_an_address_gets_no_reply_to() {
    let mut message = swedish();
    message.from = Some(role("alarm_team", "Larmgruppen"));
    let mail = compose(&key(), at(2, 8), &message, &config()).unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8(mail.bytes().to_vec()).unwrap_or_default();
    assert_eq!(
        header(&text, "From"),
        vec!["From: Larmgruppen <rutin@kommun.example>"]
    );
    assert!(header(&text, "Reply-To").is_empty());
    // A configured address for the role gives it one.
    let configured = config().with_address("alarm_team", "larm@kommun.example");
    let mail = configured
        .map_err(|e| e.to_string())
        .and_then(|c| compose(&key(), at(2, 8), &message, &c).map_err(|e| e.to_string()))
        .unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8(mail.bytes().to_vec()).unwrap_or_default();
    assert_eq!(
        header(&text, "Reply-To"),
        vec!["Reply-To: Larmgruppen <larm@kommun.example>"]
    );
}

#[test]
fn without_a_sender_the_mail_is_as_before() {
    let mail = compose(&key(), at(2, 8), &swedish(), &config()).unwrap_or_else(|e| panic!("{e}"));
    let text = String::from_utf8(mail.bytes().to_vec()).unwrap_or_default();
    assert!(header(&text, "From")[0].contains("<rutin@kommun.example>"));
    assert!(header(&text, "Reply-To").is_empty());
}

#[test]
fn a_person_gets_the_mail_at_the_address_of_their_field() {
    let mut message = swedish();
    message.to = vec![person(
        "regular_assessor_email",
        "Anna Berg",
        "anna.berg@kommun.example",
    )];
    message.cc.clear();
    // A configured address for an id never replaces a person's own.
    let config = config()
        .with_address("regular_assessor_email", "fel@kommun.example")
        .unwrap_or_else(|e| panic!("{e}"));
    let mail = compose(&key(), at(2, 8), &message, &config).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(mail.recipients(), vec!["anna.berg@kommun.example"]);
    let text = String::from_utf8(mail.bytes().to_vec()).unwrap_or_default();
    assert_eq!(
        header(&text, "To"),
        vec!["To: \"Anna Berg\" <anna.berg@kommun.example>"]
    );
}

#[test]
fn a_person_whose_address_is_no_mail_address_is_listed_not_dropped() {
    let mut message = swedish();
    message
        .to
        .push(person("regular_assessor_email", "Anna Berg", "anna berg"));
    let mail = compose(&key(), at(2, 8), &message, &config()).unwrap_or_else(|e| panic!("{e}"));
    let listed: Vec<String> = mail.unaddressed().iter().map(ToString::to_string).collect();
    assert!(listed.contains(
        &"person `regular_assessor_email` (Anna Berg) has the address `anna berg`, which is not a mail address"
            .to_string()
    ));
}
