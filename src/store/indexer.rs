//! sled's batch for an acknowledged intent, written on a thread of its own: the intent is
//! durable in its journal already, and the read model's in-memory insert was the largest cost
//! left between the journal's sync and the acknowledgement (docs/performance.md). Batches are
//! written in the order handed over, and every read of sled first waits for those handed over
//! before it (`settle`), so nothing reads a read model behind the journals.

use crate::ids::MeetingId;
use std::sync::mpsc::{channel, Sender};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;

struct Job {
    tree: sled::Tree,
    batch: sled::Batch,
    meeting: MeetingId,
}

#[derive(Default)]
struct Pending {
    queued: u64,
    /// Batches sled refused: the meeting and why (caught up from the journal at the next open).
    failed: Vec<(MeetingId, String)>,
}

pub struct Indexer {
    jobs: Mutex<Option<Sender<Job>>>,
    pending: Arc<(Mutex<Pending>, Condvar)>,
    thread: Mutex<Option<JoinHandle<()>>>,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Indexer {
    pub fn new() -> std::io::Result<Indexer> {
        let (tx, rx) = channel::<Job>();
        let pending: Arc<(Mutex<Pending>, Condvar)> = Arc::default();
        let shared = pending.clone();
        let thread = std::thread::Builder::new().name("yishi-index".into()).spawn(move || {
            for job in rx {
                let result = job.tree.apply_batch(job.batch);
                let (m, done) = &*shared;
                let mut p = lock(m);
                p.queued -= 1;
                if let Err(e) = result {
                    p.failed.push((job.meeting, e.to_string()));
                }
                done.notify_all();
            }
        })?;
        Ok(Indexer { jobs: Mutex::new(Some(tx)), pending, thread: Mutex::new(Some(thread)) })
    }

    /// Hands a batch over; it is written after every batch handed over before it.
    pub fn submit(&self, tree: sled::Tree, batch: sled::Batch, meeting: MeetingId) {
        lock(&self.pending.0).queued += 1;
        let job = Job { tree, batch, meeting };
        let unsent = match lock(&self.jobs).as_ref() {
            Some(tx) => tx.send(job).err().map(|e| e.0),
            None => Some(job),
        };
        // The thread is gone (only while the store closes): write it here.
        if let Some(Job { tree, batch, meeting }) = unsent {
            let result = tree.apply_batch(batch);
            let mut p = lock(&self.pending.0);
            p.queued -= 1;
            if let Err(e) = result {
                p.failed.push((meeting, e.to_string()));
            }
        }
    }

    /// Waits until every batch handed over is written; returns those sled refused since last asked.
    pub fn settle(&self) -> Vec<(MeetingId, String)> {
        let (m, done) = &*self.pending;
        let mut p = lock(m);
        while p.queued > 0 {
            p = done.wait(p).unwrap_or_else(|e| e.into_inner());
        }
        std::mem::take(&mut p.failed)
    }
}

impl Drop for Indexer {
    fn drop(&mut self) {
        lock(&self.jobs).take();
        if let Some(t) = lock(&self.thread).take() {
            let _ = t.join();
        }
    }
}
