//! An ordered pipeline: items are worked on by several threads, and the results reach one
//! consumer, the calling thread, in item order.
//!
//! `check` reports files in path order, so the results of its parallel analyses must be
//! put back in order. Cutting the inputs into chunks that are worked on in parallel and
//! then written one chunk at a time makes every chunk a barrier: the threads wait for the
//! chunk's slowest file, then for the writer. Here a thread takes the next item as soon as
//! it is free, and the consumer (the calling thread) takes each result as soon as it and
//! all before it are done, while the threads go on.
//!
//! Memory stays bounded: a thread takes an item only while it is fewer than `window`
//! items ahead of the consumer, so at most `window` results wait at any time, whatever
//! the number of items.

use std::collections::VecDeque;
use std::sync::{Condvar, Mutex, MutexGuard};

/// What the workers and the consumer share.
struct State<R> {
    /// The next item a worker takes.
    next_take: usize,
    /// Results of the items taken and not yet handed over, `None` while in progress:
    /// `ready[0]` is the consumer's next item (see [`State::next_emit`]).
    ready: VecDeque<Option<R>>,
    /// Set when the consumer gives up (its error) or a worker panicked: nothing more is
    /// taken, and the consumer stops waiting.
    stop: bool,
    /// Whether the consumer waits for `ready[0]`, and how many workers wait for room: a
    /// condition variable is signalled only when someone waits on it, since every signal
    /// is a system call (several per file otherwise).
    consumer_waits: bool,
    workers_waiting: usize,
}

impl<R> State<R> {
    /// The next item the consumer takes: the first of those taken and not handed over.
    fn next_emit(&self) -> usize {
        self.next_take - self.ready.len()
    }
}

struct Shared<R> {
    state: Mutex<State<R>>,
    /// Signalled when the consumer's next result may be ready, or on `stop`.
    result: Condvar,
    /// Signalled when the consumer has taken a result (room in the window), or on `stop`.
    room: Condvar,
}

impl<R> Shared<R> {
    /// The state, even when a panicking thread poisoned the lock: the state is changed
    /// only by assignments that cannot panic halfway, and `stop` says what happened.
    fn lock(&self) -> MutexGuard<'_, State<R>> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Sets `stop` if a worker or the consumer unwinds, so that no thread waits forever for
/// the other (a result that will never come, room that will never be made); the panic
/// itself reaches the caller when the scope ends.
struct StopOnPanic<'a, R>(&'a Shared<R>);

impl<R> Drop for StopOnPanic<'_, R> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.lock().stop = true;
            self.0.result.notify_all();
            self.0.room.notify_all();
        }
    }
}

/// Runs `work` on each of `items` on `threads` threads of their own, and hands every
/// result to `each` on the calling thread, in item order, at most `window` items ahead of
/// it. The first error of `each` stops the run (items in progress are finished and
/// dropped) and is returned.
///
/// The threads are scoped threads, not a rayon pool's: the consumer blocks while it waits,
/// and a blocked pool thread could be the one its own spawned work was queued on.
pub fn for_each_ordered<I, R, E>(
    items: &[I],
    threads: usize,
    window: usize,
    work: impl Fn(&I) -> R + Sync,
    mut each: impl FnMut(usize, R) -> Result<(), E>,
) -> Result<(), E>
where
    I: Sync,
    R: Send,
{
    let window = window.max(1);
    let shared = Shared {
        state: Mutex::new(State {
            next_take: 0,
            ready: VecDeque::with_capacity(window),
            stop: false,
            consumer_waits: false,
            workers_waiting: 0,
        }),
        result: Condvar::new(),
        room: Condvar::new(),
    };
    let workers = threads.clamp(1, items.len().max(1));
    let (shared, work) = (&shared, &work);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(move || {
                let _guard = StopOnPanic(shared);
                while let Some(i) = take(shared, items.len(), window) {
                    let r = work(&items[i]);
                    let mut s = shared.lock();
                    let slot = i - s.next_emit();
                    s.ready[slot] = Some(r);
                    if slot == 0 && s.consumer_waits {
                        drop(s);
                        shared.result.notify_one();
                    }
                }
            });
        }
        let _guard = StopOnPanic(shared);
        consume(shared, items.len(), &mut each)
    })
}

/// The next item for a worker, once it is within the window; `None` when all are taken
/// or the run stopped.
fn take<R>(shared: &Shared<R>, len: usize, window: usize) -> Option<usize> {
    let mut s = shared.lock();
    loop {
        if s.stop || s.next_take >= len {
            return None;
        }
        if s.next_take < s.next_emit() + window {
            let i = s.next_take;
            s.next_take += 1;
            s.ready.push_back(None);
            return Some(i);
        }
        s.workers_waiting += 1;
        s = shared.room.wait(s).unwrap_or_else(|e| e.into_inner());
        s.workers_waiting -= 1;
    }
}

/// The consumer's loop: each result in order, as soon as it is done.
fn consume<R, E>(
    shared: &Shared<R>,
    len: usize,
    each: &mut impl FnMut(usize, R) -> Result<(), E>,
) -> Result<(), E> {
    for i in 0..len {
        let (r, room_awaited) = {
            let mut s = shared.lock();
            loop {
                if s.stop {
                    // A worker panicked: the scope's end re-raises its panic.
                    return Ok(());
                }
                if let Some(slot) = s.ready.front_mut()
                    && let Some(r) = slot.take()
                {
                    s.ready.pop_front();
                    break (r, s.workers_waiting > 0);
                }
                s.consumer_waits = true;
                s = shared.result.wait(s).unwrap_or_else(|e| e.into_inner());
                s.consumer_waits = false;
            }
        };
        if room_awaited {
            shared.room.notify_all();
        }
        if let Err(e) = each(i, r) {
            shared.lock().stop = true;
            shared.room.notify_all();
            return Err(e);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    #[test]
    fn results_come_in_item_order_whatever_the_finishing_order() {
        for threads in [1, 2, 4] {
            for window in [1, 3, 16] {
                let items: Vec<u64> = (0..200).collect();
                let mut seen = Vec::new();
                for_each_ordered(
                    &items,
                    threads,
                    window,
                    // Later items finish first within a window: the order must be
                    // restored, not merely kept.
                    |&n| {
                        std::thread::sleep(Duration::from_micros((200 - n) % 7 * 50));
                        n * n
                    },
                    |i, r| {
                        seen.push((i, r));
                        Ok::<(), ()>(())
                    },
                )
                .expect("no error");
                let expected: Vec<(usize, u64)> = (0..200).map(|n| (n as usize, n * n)).collect();
                assert_eq!(seen, expected, "{threads} threads, window {window}");
            }
        }
    }

    #[test]
    fn no_more_than_the_window_is_taken_ahead_of_the_consumer() {
        let taken = AtomicUsize::new(0);
        let consumed = AtomicUsize::new(0);
        let most_ahead = AtomicUsize::new(0);
        let items: Vec<usize> = (0..100).collect();
        for_each_ordered(
            &items,
            4,
            5,
            |&n| {
                // Taken items not yet handed over, this one included.
                let ahead =
                    taken.fetch_add(1, Ordering::SeqCst) + 1 - consumed.load(Ordering::SeqCst);
                most_ahead.fetch_max(ahead, Ordering::SeqCst);
                std::thread::sleep(Duration::from_micros(100));
                n
            },
            |_, _| {
                // Handed over; then a slow consumer: the workers must wait for it, not
                // run ahead.
                consumed.fetch_add(1, Ordering::SeqCst);
                std::thread::sleep(Duration::from_micros(300));
                Ok::<(), ()>(())
            },
        )
        .expect("no error");
        let most = most_ahead.load(Ordering::SeqCst);
        // The consumer counts an item a moment after the pipeline let it go (and woke the
        // waiting workers), so the count may see one more than the window.
        assert!(
            most <= 5 + 1,
            "{most} items ahead of the consumer with a window of 5"
        );
        assert!(most >= 2, "the workers ran ahead in parallel ({most})");
    }

    #[test]
    fn the_consumers_error_stops_the_run() {
        let worked = AtomicUsize::new(0);
        let items: Vec<usize> = (0..10_000).collect();
        let result = for_each_ordered(
            &items,
            2,
            8,
            |&n| {
                worked.fetch_add(1, Ordering::SeqCst);
                n
            },
            |i, _| if i == 10 { Err(i) } else { Ok(()) },
        );
        assert_eq!(result, Err(10));
        // Only the window past the failing item may have been worked on.
        assert!(worked.load(Ordering::SeqCst) <= 10 + 1 + 8);
    }

    #[test]
    fn nothing_to_do_is_done() {
        let items: Vec<u8> = Vec::new();
        let r = for_each_ordered(&items, 4, 4, |_| unreachable!(), |_, ()| Err::<(), ()>(()));
        assert_eq!(r, Ok(()));
    }

    #[test]
    fn a_panicking_worker_reaches_the_caller_without_a_hang() {
        let items: Vec<usize> = (0..50).collect();
        let outcome = std::panic::catch_unwind(|| {
            for_each_ordered(
                &items,
                2,
                4,
                |&n| {
                    assert!(n != 7, "item 7 fails");
                    n
                },
                |_, _| Ok::<(), ()>(()),
            )
        });
        assert!(outcome.is_err(), "the worker's panic is re-raised");
    }

    #[test]
    fn a_panicking_consumer_releases_the_waiting_workers() {
        let items: Vec<usize> = (0..50).collect();
        let outcome = std::panic::catch_unwind(|| {
            for_each_ordered(
                &items,
                2,
                2,
                |&n| n,
                |i, _| {
                    assert!(i != 3, "the consumer fails");
                    Ok::<(), ()>(())
                },
            )
        });
        assert!(outcome.is_err(), "the consumer's panic is re-raised");
    }
}
