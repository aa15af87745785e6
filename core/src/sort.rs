//! Stable sorting, compiled once for the whole crate on WebAssembly.
//!
//! The standard library's stable sort is generic over the element type and the
//! comparator, so each call site with its own closure gets its own copy of
//! driftsort (4 to 6 KB of wasm each); forty of them were a seventh of the npm
//! package's `.wasm`. On `wasm32` these functions sort a permutation of indices
//! with one non-generic sort behind a `dyn` comparator and then move the
//! elements into place, so the crate carries one copy. Elsewhere they are the
//! standard library's own sorts. Both are stable, so both give the same order:
//! the output of every export is byte-identical across targets.

use std::cmp::Ordering;

/// Sort `v` by `compare`, stably (like [`slice::sort_by`]).
#[cfg_attr(not(target_arch = "wasm32"), allow(unused_mut))]
pub(crate) fn sort_by<T, F>(v: &mut [T], mut compare: F)
where
    F: FnMut(&T, &T) -> Ordering,
{
    #[cfg(not(target_arch = "wasm32"))]
    v.sort_by(compare);
    #[cfg(target_arch = "wasm32")]
    {
        let order = stable_order(v.len(), &mut |a, b| compare(&v[a], &v[b]));
        permute(v, &order);
    }
}

/// Sort `v` by the key `key` gives each element, stably (like [`slice::sort_by_key`]).
pub(crate) fn sort_by_key<T, K, F>(v: &mut [T], mut key: F)
where
    K: Ord,
    F: FnMut(&T) -> K,
{
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sort `v` in its natural order, stably (like [`slice::sort`]).
pub(crate) fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// The stable order of `len` elements under `compare` (which compares two
/// positions): `order[i]` is the position of the element that goes to `i`.
/// Not generic, so there is one sort in the binary.
#[cfg(target_arch = "wasm32")]
fn stable_order(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Move the elements of `v` so that position `i` holds what was at `order[i]`,
/// following each cycle of the permutation with swaps.
#[cfg(any(target_arch = "wasm32", test))]
fn permute<T>(v: &mut [T], order: &[usize]) {
    let mut placed = vec![false; v.len()];
    for start in 0..v.len() {
        if placed[start] {
            continue;
        }
        let mut i = start;
        // Invariant: the element that belongs at `i` is still where it started,
        // except the cycle's first, which has travelled to `i` itself.
        while order[i] != start {
            let from = order[i];
            v.swap(i, from);
            placed[i] = true;
            i = from;
        }
        placed[i] = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The wasm path (a sorted permutation, then `permute`) gives exactly
        /// the standard stable sort's order, ties included.
        #[test]
        fn permutation_sort_is_the_stable_sort(v in proptest::collection::vec((0u8..6, any::<u16>()), 0..200)) {
            let mut want = v.clone();
            want.sort_by_key(|x| x.0);
            let mut order: Vec<usize> = (0..v.len()).collect();
            order.sort_by_key(|&i| v[i].0);
            let mut got = v.clone();
            permute(&mut got, &order);
            prop_assert_eq!(&got, &want);
            let mut via_helper = v;
            sort_by_key(&mut via_helper, |x| x.0);
            prop_assert_eq!(via_helper, want);
        }
    }
}
