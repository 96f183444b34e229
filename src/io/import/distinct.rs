use rustc_hash::FxHashMap;

/// How imported texts are compared: without surrounding spaces or case.
pub(super) fn text_key(text: &str) -> String {
    text.trim().to_lowercase()
}

/// The distinct texts of a column, compared by [`text_key`], each with the
/// number of rows that carry it; spelled as first seen.
#[derive(Clone, Debug, Default)]
pub(super) struct Distinct {
    counts: Vec<(String, usize)>,
    index: FxHashMap<String, usize>,
}

impl Distinct {
    /// Counts `text` once more; empty text is not counted.
    pub(super) fn add(&mut self, text: &str) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        // Most cells repeat a spelling already seen: try it before lowering.
        if let Some(&at) = self.index.get(text) {
            self.counts[at].1 += 1;
            return;
        }
        let key = text_key(text);
        match self.index.get(&key) {
            Some(&at) => {
                self.counts[at].1 += 1;
                self.index.insert(text.to_owned(), at);
            }
            None => {
                self.index.insert(key, self.counts.len());
                self.index.insert(text.to_owned(), self.counts.len());
                self.counts.push((text.to_owned(), 1));
            }
        }
    }

    /// Each text with its count, the most frequent first, then as first
    /// seen.
    pub(super) fn by_frequency(self) -> Vec<(String, usize)> {
        let mut counts = self.counts;
        counts.sort_by_key(|(_, count)| std::cmp::Reverse(*count));
        counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_text_count_together() {
        let mut distinct = Distinct::default();
        for text in ["Price", " price", "Timing", "PRICE", "", "  ", "Timing", "Price"] {
            distinct.add(text);
        }
        assert_eq!(distinct.by_frequency(), [("Price".to_owned(), 4), ("Timing".to_owned(), 2)]);
    }
}
