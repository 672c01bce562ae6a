//! A stable sort for the few items the app orders (its diagnostics, an attempt's confusions): the standard library's sort adds 3 to 4 KB of wasm at each place it is used.

/// Sorts `items` by `key`, keeping equal items in their order: an insertion sort, linear on
/// input that is already nearly in order (diagnostics are reported in the order of the file).
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) > key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}
