//! SMTP delivery against a sink on 127.0.0.1: the mail arrives whole, a
//! 4xx reply is retried with the same Message-ID, a 5xx reply fails for good.

mod support;

use chrono::{FixedOffset, NaiveDate, NaiveDateTime};
use rutin::deliver::{
    attempt, Item, MailConfig, MessageKey, Outcome, RetryPolicy, SmtpTransport, Zone,
};
use rutin::run::{Addressee, AddresseeKind, Message};
use support::smtp_sink::SmtpSink;

fn at(hour: u32, minute: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 3, 2)
        .and_then(|d| d.and_hms_opt(hour, minute, 0))
        .expect("a time")
}

fn message() -> Message {
    Message {
        step: Some("install".into()),
        deadline: None,
        template: "kvitto.txt".into(),
        subject: Some("Larmet är installerat".into()),
        body: "Larmet är installerat och provat.\n.\nEn rad med bara en punkt ovan.\n".into(),
        to: vec![Addressee {
            kind: AddresseeKind::Group,
            id: "night_patrol_mail".into(),
            name: "Nattpatrullen".into(),
            address: Some("natt@kommun.example".into()),
            sees_as: None,
        }],
        cc: vec![],
        fields_used: vec![],
        from: None,
    }
}

fn config() -> MailConfig {
    MailConfig::new("rutin@kommun.example")
        .map(|c| c.with_zone(Zone::Fixed(FixedOffset::east_opt(3600).expect("an offset"))))
        .expect("a sender")
}

fn deliver(sink: &SmtpSink, attempts: u32, now: NaiveDateTime) -> Outcome {
    let smtp = SmtpTransport::from_url(&sink.url()).expect("a transport");
    let key = MessageKey::case("K-1", 7, 0);
    let message = message();
    let item = Item {
        key: &key,
        journaled: at(8, 0),
        message: &message,
    };
    attempt(
        &smtp,
        &config(),
        &RetryPolicy::default(),
        item,
        attempts,
        now,
    )
}

#[test]
fn the_mail_arrives_whole() {
    let sink = SmtpSink::start();
    let outcome = deliver(&sink, 1, at(8, 0));
    assert!(
        matches!(outcome, Outcome::Sent { attempts: 1, .. }),
        "{outcome:?}"
    );
    let received = sink.received();
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].from, "rutin@kommun.example");
    assert_eq!(received[0].to, vec!["natt@kommun.example"]);
    let data = &received[0].data;
    assert!(
        data.contains("Message-ID: <K-1.7.0@rutin.invalid>\r\n"),
        "{data}"
    );
    assert!(
        data.contains("\r\n.\r\nEn rad med bara en punkt ovan."),
        "{data}"
    );
}

#[test]
fn a_busy_server_is_tried_again_with_the_same_message_id() {
    let sink = SmtpSink::start();
    sink.reject_next("451 4.3.0 try again later");
    let first = deliver(&sink, 1, at(8, 0));
    match &first {
        Outcome::Retry {
            attempts,
            at: next,
            reason,
        } => {
            assert_eq!((*attempts, *next), (1, at(8, 1)));
            assert!(reason.contains("try again later"), "{reason}");
        }
        other => panic!("expected a retry, got {other:?}"),
    }
    assert!(sink.received().is_empty());
    let second = deliver(&sink, 2, at(8, 1));
    assert!(
        matches!(second, Outcome::Sent { attempts: 2, .. }),
        "{second:?}"
    );
    let received = sink.received();
    assert_eq!(received.len(), 1);
    assert!(received[0]
        .data
        .contains("Message-ID: <K-1.7.0@rutin.invalid>"));
}

#[test]
fn a_refusal_fails_for_good_with_the_servers_words() {
    let sink = SmtpSink::start();
    sink.reject_next("550 5.7.1 relaying denied");
    match deliver(&sink, 1, at(8, 0)) {
        Outcome::Failed { attempts, reason } => {
            assert_eq!(attempts, 1);
            assert!(reason.contains("relaying denied"), "{reason}");
            assert!(reason.contains("smtp://127.0.0.1:"), "{reason}");
        }
        other => panic!("expected a failure, got {other:?}"),
    }
}

#[test]
fn a_server_that_is_not_there_is_retried_until_the_policy_gives_up() {
    let sink = SmtpSink::start();
    let free = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
    let url = format!("smtp://{}", free.local_addr().expect("bound"));
    drop(free);
    let smtp = SmtpTransport::from_url(&url).expect("a transport");
    let key = MessageKey::case("K-1", 7, 0);
    let message = message();
    let item = Item {
        key: &key,
        journaled: at(8, 0),
        message: &message,
    };
    let policy = RetryPolicy::parse("1m").expect("a policy");
    let first = attempt(&smtp, &config(), &policy, item, 1, at(8, 0));
    assert!(
        matches!(first, Outcome::Retry { attempts: 1, .. }),
        "{first:?}"
    );
    let last = attempt(&smtp, &config(), &policy, item, 2, at(8, 1));
    match last {
        Outcome::Failed {
            attempts: 2,
            reason,
        } => assert!(reason.contains("gave up after 2 attempts"), "{reason}"),
        other => panic!("expected a failure, got {other:?}"),
    }
    assert!(sink.received().is_empty());
}
