//! Counts as they read in a sentence: `1 deal`, `1,204 deals`; shared by
//! the backup, merge, setup and reminder sentences.

/// `n` with a comma between thousands, as in the design's sentences.
pub(crate) fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut text = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            text.push(',');
        }
        text.push(digit);
    }
    text
}

/// `n` and the noun that agrees with it.
pub(crate) fn count(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", grouped(n), if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped_and_nouns_agree() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1_204), "1,204");
        assert_eq!(grouped(12_345_678), "12,345,678");
        assert_eq!(count(1, "deal", "deals"), "1 deal");
        assert_eq!(count(0, "deal", "deals"), "0 deals");
        assert_eq!(count(100_000, "deal", "deals"), "100,000 deals");
    }
}
