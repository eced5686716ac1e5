//! How many photo uploads may be read and re-encoded at once, and how many may wait.
//!
//! Re-encoding a large photo takes about a second of one core and up to ~320 MB (the decoded
//! pixels of a 40 MP image plus the downscaled copy). Without a bound a burst of uploads
//! would run them all at once and exhaust memory; with it, at most `workers` run, at most
//! `queue` more wait (each for at most `wait`), and everyone else is told at once to come
//! back later (`503 unavailable` with `Retry-After`), which costs nothing.
//!
//! The permit is taken before the upload's body is read (unless the `Idempotency-Key` layer
//! already buffered it), so the bodies held in memory are bounded too.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// Gauge: photo jobs holding a permit (reading their body or re-encoding).
pub const IN_FLIGHT_GAUGE: &str = "photo_jobs_in_flight";
/// Gauge: photo jobs waiting for a permit.
pub const QUEUED_GAUGE: &str = "photo_jobs_queued";
/// Counter: uploads refused because every permit and queue slot was taken.
pub const REFUSED_COUNTER: &str = "photo_jobs_refused_total";

/// The number of CPUs the process may use (at least 1): the default number of workers,
/// since re-encoding is CPU-bound and more parallel jobs would only add memory.
pub fn default_workers() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
}

/// The shared limiter (cheap to clone).
#[derive(Clone, Debug)]
pub struct PhotoLimiter(Arc<Inner>);

#[derive(Debug)]
struct Inner {
    permits: Arc<Semaphore>,
    workers: usize,
    queue: usize,
    waiting: AtomicUsize,
    wait: Duration,
}

/// Refused: every permit and every queue slot is taken, or the wait ran out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("photo processing is busy; retry after {retry_after} s")]
pub struct Busy {
    /// Seconds after which a retry is likely to be admitted.
    pub retry_after: u64,
}

/// A running photo job: holds its permit until dropped.
#[derive(Debug)]
pub struct PhotoPermit {
    _permit: OwnedSemaphorePermit,
    limiter: PhotoLimiter,
}

impl Drop for PhotoPermit {
    fn drop(&mut self) {
        // The permit itself is released after this body; count it as gone already.
        self.limiter.report(1);
    }
}

impl PhotoLimiter {
    /// `workers` concurrent jobs (at least 1), `queue` waiters, each waiting at most `wait`.
    pub fn new(workers: usize, queue: usize, wait: Duration) -> Self {
        let workers = workers.max(1);
        let limiter = Self(Arc::new(Inner {
            permits: Arc::new(Semaphore::new(workers)),
            workers,
            queue,
            waiting: AtomicUsize::new(0),
            wait,
        }));
        limiter.report(0);
        limiter
    }

    /// Jobs allowed at once.
    pub fn workers(&self) -> usize {
        self.0.workers
    }

    /// Jobs allowed to wait.
    pub fn queue(&self) -> usize {
        self.0.queue
    }

    /// Jobs running now.
    pub fn in_flight(&self) -> usize {
        self.0.workers - self.0.permits.available_permits()
    }

    /// Jobs waiting now.
    pub fn queued(&self) -> usize {
        self.0.waiting.load(Ordering::Relaxed)
    }

    /// A permit now, or after waiting in the queue; [`Busy`] when the queue is full or the
    /// wait runs out.
    pub async fn acquire(&self) -> Result<PhotoPermit, Busy> {
        let inner = &self.0;
        if let Ok(permit) = inner.permits.clone().try_acquire_owned() {
            return Ok(self.admitted(permit));
        }
        let joined = inner
            .waiting
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| {
                (n < inner.queue).then_some(n + 1)
            })
            .is_ok();
        if !joined {
            return Err(self.refuse());
        }
        self.report(0);
        let waited = tokio::time::timeout(inner.wait, inner.permits.clone().acquire_owned()).await;
        inner.waiting.fetch_sub(1, Ordering::AcqRel);
        match waited {
            Ok(Ok(permit)) => Ok(self.admitted(permit)),
            // Timed out (or the semaphore closed, which this module never does).
            _ => {
                self.report(0);
                Err(self.refuse())
            }
        }
    }

    fn admitted(&self, permit: OwnedSemaphorePermit) -> PhotoPermit {
        self.report(0);
        PhotoPermit {
            _permit: permit,
            limiter: self.clone(),
        }
    }

    fn refuse(&self) -> Busy {
        metrics::counter!(REFUSED_COUNTER).increment(1);
        Busy {
            retry_after: self.retry_after(),
        }
    }

    /// Roughly how long the running and waiting jobs take to drain (about a second each,
    /// `workers` at a time), between 1 and 30 seconds.
    pub fn retry_after(&self) -> u64 {
        let pending = (self.in_flight() + self.queued()) as u64;
        pending.div_ceil(self.0.workers as u64).clamp(1, 30)
    }

    /// Publish the gauges; `releasing` permits are about to be returned.
    fn report(&self, releasing: usize) {
        metrics::gauge!(IN_FLIGHT_GAUGE).set(self.in_flight().saturating_sub(releasing) as f64);
        metrics::gauge!(QUEUED_GAUGE).set(self.queued() as f64);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn admits_workers_queues_then_refuses() {
        let limiter = PhotoLimiter::new(1, 1, Duration::from_millis(200));
        let first = limiter.acquire().await.expect("a free permit");
        assert_eq!(limiter.in_flight(), 1);
        // The second waits in the queue and gets the permit once the first is done.
        let waiter = {
            let l = limiter.clone();
            tokio::spawn(async move { l.acquire().await.map(|_| ()) })
        };
        tokio::time::sleep(Duration::from_millis(20)).await;
        assert_eq!(limiter.queued(), 1);
        // The queue is full: the third is refused at once.
        let busy = limiter.acquire().await.expect_err("queue full");
        assert!(busy.retry_after >= 1);
        drop(first);
        waiter.await.unwrap().expect("admitted from the queue");
        assert_eq!((limiter.in_flight(), limiter.queued()), (0, 0));
    }

    #[tokio::test]
    async fn waiting_is_bounded_in_time() {
        let limiter = PhotoLimiter::new(1, 4, Duration::from_millis(50));
        let _held = limiter.acquire().await.unwrap();
        let started = std::time::Instant::now();
        assert!(limiter.acquire().await.is_err());
        assert!(started.elapsed() < Duration::from_secs(2));
        assert_eq!(limiter.queued(), 0);
    }

    #[test]
    fn zero_workers_means_one() {
        assert_eq!(PhotoLimiter::new(0, 0, Duration::ZERO).workers(), 1);
        assert!(default_workers() >= 1);
    }
}
