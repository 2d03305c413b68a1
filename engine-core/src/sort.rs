//! One stable sort for the crate. Each `sort_by_key` call site instantiates the standard
//! library's whole sort for its element and closure types (1–2 KB of wasm apiece, about
//! fifty copies in the studio); sorting positions through one `dyn` comparator keeps a
//! single copy, and each call site adds only the small permutation below.

use alloc::vec::Vec;
use core::cmp::Ordering;

/// Sorts `items` stably by `key`, as `slice::sort_by_key` does.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` stably by `compare`, as `slice::sort_by` does.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let order = sorted_positions(items.len(), &mut |a, b| compare(&items[a], &items[b]));
    // `order[k]` is the position of the item that belongs at k; `dest` is its inverse.
    let mut dest = alloc::vec![0; items.len()];
    for (k, &from) in order.iter().enumerate() {
        dest[from] = k;
    }
    // Each swap puts the item at i where it belongs, so every cycle closes.
    for i in 0..items.len() {
        while dest[i] != i {
            let d = dest[i];
            items.swap(i, d);
            dest.swap(i, d);
        }
    }
}

/// The only instantiation of the standard sort: positions by a shared comparator.
fn sorted_positions(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;

    #[test]
    fn sorts_stably_like_the_standard_sort() {
        // Pairs with repeated keys: equal keys keep their input order.
        let input = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e'), (0, 'f'), (3, 'g')];
        let mut ours = input.clone();
        sort_by_key(&mut ours, |p| p.0);
        assert_eq!(ours, vec![(0, 'f'), (1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c'), (3, 'g')]);
        let mut reversed = input;
        sort_by(&mut reversed, |a, b| b.0.cmp(&a.0));
        assert_eq!(reversed, vec![(3, 'a'), (3, 'c'), (3, 'g'), (2, 'd'), (1, 'b'), (1, 'e'), (0, 'f')]);
    }

    #[test]
    fn every_permutation_of_five_comes_out_sorted() {
        let mut p = vec![0, 1, 2, 3, 4];
        // Heap's algorithm, iteratively: all 120 orders.
        let mut c = [0usize; 5];
        let mut i = 1;
        let mut seen = 1;
        let check = |p: &Vec<i32>| {
            let mut q = p.clone();
            sort_by_key(&mut q, |&x| x);
            assert_eq!(q, vec![0, 1, 2, 3, 4], "from {p:?}");
        };
        check(&p);
        while i < 5 {
            if c[i] < i {
                p.swap(if i % 2 == 0 { 0 } else { c[i] }, i);
                check(&p);
                seen += 1;
                c[i] += 1;
                i = 1;
            } else {
                c[i] = 0;
                i += 1;
            }
        }
        assert_eq!(seen, 120);
    }
}
