//! Text in the picture: wrapping to a width, estimated widths, XML escaping.

/// Average width of a character in the sans-serif font, as a share of the
/// font size (a little generous, so text stays inside its box).
const CHAR_WIDTH: f64 = 0.58;

/// Estimated width in pixels of `text` at `size`.
pub(crate) fn width(text: &str, size: f64) -> f64 {
    text.chars().count() as f64 * size * CHAR_WIDTH
}

/// How many characters fit in `pixels` at `size`.
pub(crate) fn fits(pixels: f64, size: f64) -> usize {
    ((pixels / (size * CHAR_WIDTH)).floor() as usize).max(4)
}

/// `text` wrapped at spaces to lines of at most `max` characters; a word
/// longer than a line is cut.
pub(crate) fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for line in text.lines() {
        let mut current = String::new();
        let mut count = 0;
        for word in line.split(' ').filter(|w| !w.is_empty()) {
            let mut word: Vec<char> = word.chars().collect();
            while word.len() > max {
                if count > 0 {
                    lines.push(std::mem::take(&mut current));
                    count = 0;
                }
                // Cut after the last `_` that fits, else at the width.
                let cut = word
                    .get(..max)
                    .and_then(|head| head.iter().rposition(|&c| c == '_'))
                    .map_or(max, |at| at + 1);
                let rest = word.split_off(cut);
                lines.push(word.into_iter().collect());
                word = rest;
            }
            if count > 0 && count + 1 + word.len() > max {
                lines.push(std::mem::take(&mut current));
                count = 0;
            }
            if count > 0 {
                current.push(' ');
                count += 1;
            }
            count += word.len();
            current.extend(word);
        }
        if count > 0 {
            lines.push(current);
        }
    }
    lines
}

/// `text` shortened to `max` characters with an ellipsis.
pub(crate) fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut short: String = text.chars().take(max.saturating_sub(1)).collect();
    short.push('…');
    short
}

/// Text for XML content and attribute values: markup characters as
/// entities, control characters dropped.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces_and_cuts_long_words() {
        assert_eq!(wrap("aaa bbb ccc", 7), ["aaa bbb", "ccc"]);
        assert_eq!(wrap("a\nbbbbbbbbbb c", 5), ["a", "bbbbb", "bbbbb", "c"]);
        assert!(wrap("", 5).is_empty());
        assert_eq!(
            wrap("meddelande: order_correction_reminder", 20),
            ["meddelande:", "order_correction_", "reminder"]
        );
    }

    #[test]
    fn escapes_markup_and_drops_control_characters() {
        assert_eq!(
            escape("a<b>&\"c'\u{1b}[2J"),
            "a&lt;b&gt;&amp;&quot;c&#39;[2J"
        );
    }

    #[test]
    fn shortens_with_an_ellipsis() {
        assert_eq!(shorten("abcdef", 4), "abc…");
        assert_eq!(shorten("abc", 4), "abc");
    }
}
