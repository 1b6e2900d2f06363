//! Drawing: golden swimlane SVGs, DOT and Mermaid of small fixtures, and the
//! size limit.

use std::path::{Path, PathBuf};

use rutin::draw::{self, DrawError, Options};
use rutin::model::Routine;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/valid/{name}/routine.yaml"))
}

fn routine(name: &str) -> Routine {
    let checked = rutin::check_routine(&fixture(name));
    match checked.routine {
        Some(routine) => routine,
        None => panic!("fixture {name} is valid: {:?}", checked.diagnostics),
    }
}

fn svg(name: &str) -> String {
    match draw::svg(&routine(name), &Options::default()) {
        Ok(svg) => svg,
        Err(e) => panic!("fixture {name} is drawn: {e}"),
    }
}

#[test]
fn golden_svg_of_the_everything_fixture() {
    insta::assert_snapshot!("svg_everything", svg("everything"));
}

#[test]
fn golden_svg_of_the_case_events_fixture() {
    insta::assert_snapshot!("svg_case_events", svg("case_events"));
}

#[test]
fn golden_svg_of_the_shapes_fixture() {
    insta::assert_snapshot!("svg_shapes", svg("shapes"));
}

#[test]
fn case_events_and_their_set_are_in_dot_and_mermaid() {
    let routine = routine("case_events");
    let dot = draw::dot(&routine, &Options::default());
    let mermaid = draw::mermaid(&routine, &Options::default());
    insta::assert_snapshot!("dot_case_events", dot);
    insta::assert_snapshot!("mermaid_case_events", mermaid);
    assert!(
        dot.contains("sätt interruptions = (interruptions or 0) + 1"),
        "{dot}"
    );
    assert!(
        dot.contains("\"e_client_moved\" -> \"s_notify_move\" [style=dotted"),
        "{dot}"
    );
    assert!(
        mermaid.contains("e_decision_withdrawn -.-> out_decision_withdrawn"),
        "{mermaid}"
    );
}

#[test]
fn the_svg_has_a_lane_per_role_and_the_steps_in_them() {
    let svg = svg("everything");
    for lane in ["Larmgruppen", "Biståndshandläggare", "Koordinator"] {
        assert!(
            svg.contains(&format!(">{lane}</text>")),
            "lane {lane}:\n{svg}"
        );
    }
    assert!(
        svg.contains("stroke-dasharray=\"6 4\""),
        "deadlines are dashed"
    );
    assert!(
        svg.contains(">give_up: 2 månader</tspan>"),
        "deadline durations"
    );
    assert!(svg.contains(">order_ok</tspan>"), "route labels");
    assert_eq!(svg, self::svg("everything"), "the SVG is deterministic");
}

#[test]
fn a_routine_over_the_limit_is_refused_in_plain_words() {
    let routine = routine("everything");
    let options = Options {
        max_steps: 3,
        ..Options::default()
    };
    let Err(e) = draw::svg(&routine, &options) else {
        panic!("a routine over the limit is refused");
    };
    assert!(matches!(e, DrawError::TooLarge { limit: 3, .. }), "{e:?}");
    let text = e.to_string();
    assert!(text.starts_with("routine `everything` has "), "{text}");
    assert!(
        text.contains("more than the 3 an SVG is drawn for"),
        "{text}"
    );
    // DOT and Mermaid are not limited.
    assert!(draw::draw(&routine, draw::Format::Dot, &options).is_ok());
}

#[test]
fn a_deadline_shows_its_time_of_day() {
    let routine = routine("time_of_day");
    let mermaid = draw::mermaid(&routine, &Options::default());
    let dot = draw::dot(&routine, &Options::default());
    for label in [
        "annual: 1 år från installed_date kl. 08:00",
        "review: 2 år från installed_date kl. 16:30",
        "remind: 2 arbetsdagar kl. 08:00",
    ] {
        assert!(mermaid.contains(label), "{label} in {mermaid}");
        assert!(dot.contains(label), "{label} in {dot}");
    }
}
