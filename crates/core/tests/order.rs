//! The app's small stable sort against the standard library's, on many random lists with repeated keys.

use credo_core::order::sort_by_key;

#[test]
fn sorts_as_the_standard_stable_sort_does() {
    let mut seed = 0x2545_f491_u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for len in 0..60 {
        for _ in 0..20 {
            // (key, where it was): equal keys must keep their order.
            let items: Vec<(u64, usize)> = (0..len).map(|i| (next() % 7, i)).collect();
            let (mut ours, mut std) = (items.clone(), items.clone());
            sort_by_key(&mut ours, |&(k, _)| k);
            std.sort_by_key(|&(k, _)| k);
            assert_eq!(ours, std, "{items:?}");
        }
    }
}
