//! Photo uploads: files are checked here first (type, size, count) and sent one request each
//! through the shell's uploader to `POST /v1/return-photos`; a
//! refused or failed file keeps its own message in its own row and never touches the rest of
//! the form. Previews are `data:` URLs read by a `FileReader`: they pass a CSP of
//! `img-src 'self' data:`, where `blob:` object URLs would be blocked.

use super::draft::{check_file, FileProblem, Photo};
use super::state::{Flow, Focus, Upload};
use crate::i18n::{t, Msg};
use crate::shell::upload;
use leptos::prelude::*;
use std::sync::atomic::{AtomicU32, Ordering};

fn update(f: Flow, id: u32, change: impl FnOnce(&mut Upload)) {
    f.uploads.try_update(|ups| {
        if let Some(u) = ups.iter_mut().find(|u| u.id == id) {
            change(u);
        }
    });
}

/// Files chosen or dropped for a line: check each, start the good ones, list them all.
pub(crate) fn add(f: Flow, item_id: i64, list: web_sys::FileList) {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let l = f.lang();
    for k in 0..list.length() {
        let Some(file) = list.get(k) else { continue };
        let name = file.name();
        let on_line = f
            .draft
            .with_untracked(|d| d.line(item_id).map_or(0, |c| c.photos.len()))
            + f.uploads.with_untracked(|ups| {
                ups.iter()
                    .filter(|u| u.item_id == item_id && u.failed.is_none())
                    .count()
            });
        let Some(verdict) = f
            .options
            .with_untracked(|o| Some(check_file(&file.type_(), file.size(), on_line, o.as_ref()?)))
        else {
            continue;
        };
        let id = NEXT.fetch_add(1, Ordering::Relaxed);
        f.uploads.update(|ups| {
            ups.push(Upload {
                id,
                item_id,
                name: name.clone(),
                file: verdict.is_ok().then(|| file.clone()),
                preview: None,
                progress: 0,
                failed: verdict.err(),
                xhr: None,
                listener: None,
            });
        });
        match verdict {
            Ok(()) => {
                read_preview(f, id, &file);
                send(f, id);
            }
            Err(p) => f.announce(t(l, Msg::FileRefused(p, &name))),
        }
    }
    f.changed();
}

/// Read a `data:` URL preview for upload `id`.
fn read_preview(f: Flow, id: u32, file: &web_sys::File) {
    upload::preview(file, move |url| update(f, id, |u| u.preview = Some(url)));
}

/// Start (or restart) upload `id`.
fn send(f: Flow, id: u32) {
    let Some(file) = f
        .uploads
        .with_untracked(|ups| ups.iter().find(|u| u.id == id)?.file.clone())
    else {
        return;
    };
    let Some(to) = f.sign_in.try_with_value(|s| upload::Target {
        url: format!("{}/v1/return-photos", s.api.trim_end_matches('/')),
        key: s.key.clone(),
        token: s.token.clone(),
    }) else {
        return;
    };
    let progress = move |pct| update(f, id, |u| u.progress = pct);
    let Some(sending) = upload::send(&to, &file, progress, move |r| finished(f, id, r)) else {
        return failed(f, id, FileProblem::Failed);
    };
    update(f, id, |u| {
        u.xhr = Some(sending.xhr);
        u.listener = Some(sending.listener);
        u.failed = None;
        u.progress = 0;
    });
}

/// The upload's answer: a stored photo joins the line, a refusal stays in its row.
fn finished(f: Flow, id: u32, answer: Result<(String, String), u16>) {
    // Removed (and aborted) meanwhile, or the flow is gone.
    if f.uploads
        .try_with_untracked(|ups| ups.iter().any(|u| u.id == id))
        != Some(true)
    {
        return;
    }
    let (photo_id, url) = match answer {
        Ok(photo) => photo,
        Err(status) => {
            let max = f
                .options
                .with_untracked(|o| o.as_ref().map_or(0, |o| o.photo_max_bytes));
            let p = upload::problem_of(status, max);
            if let Some(detail) = upload::error_detail(status, p) {
                f.emit("aftercare:error", &detail);
            }
            return failed(f, id, p);
        }
    };
    let mut done = None;
    f.uploads.update(|ups| {
        if let Some(pos) = ups.iter().position(|u| u.id == id) {
            let u = ups.remove(pos);
            done = Some((u.item_id, u.name));
        }
    });
    if let Some((item_id, name)) = done {
        f.draft.update(|d| {
            if let Some(c) = d.line_mut(item_id) {
                c.photos.push(Photo {
                    id: photo_id,
                    url,
                    name: name.clone(),
                });
            }
        });
        f.announce(t(f.lang(), Msg::PhotoAdded(&name)));
        f.changed();
    }
}

/// Upload `id` failed with `p`: say so in its row (and the live region).
fn failed(f: Flow, id: u32, p: FileProblem) {
    let mut name = None;
    update(f, id, |u| {
        u.failed = Some(p);
        u.xhr = None;
        u.listener = None;
        name = Some(u.name.clone());
    });
    if let Some(name) = name {
        f.announce(t(f.lang(), Msg::FileRefused(p, &name)));
        f.changed();
    }
}

/// What a photo row shows: a stored photo (by its id) or an upload (by its local id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Row {
    Photo(String),
    Upload(u32),
}

/// "Remove": a stored photo leaves the draft, an upload is stopped; focus goes back to the
/// line's file input.
pub(crate) fn remove(f: Flow, item_id: i64, row: &Row, name: String) {
    let mut xhr = None;
    match row {
        Row::Photo(pid) => f.draft.update(|d| {
            for c in d.lines.iter_mut() {
                c.photos.retain(|p| &p.id != pid);
            }
        }),
        Row::Upload(id) => f.uploads.update(|ups| {
            if let Some(pos) = ups.iter().position(|u| u.id == *id) {
                xhr = ups.remove(pos).xhr;
            }
        }),
    }
    // Outside the state update: `abort` fires `loadend` synchronously (it finds nothing).
    if let Some(x) = xhr {
        let _ = x.abort();
    }
    f.announce(t(f.lang(), Msg::PhotoRemoved(&name)));
    f.focus_on(Focus::Sel(format!(
        "input[type=file][data-id=\"{item_id}\"]"
    )));
    f.changed();
}

/// "Try again" on a failed upload.
pub(crate) fn retry(f: Flow, id: u32) {
    update(f, id, |u| {
        u.failed = None;
        u.progress = 0;
    });
    send(f, id);
    f.focus_on(Focus::Sel(format!("progress[data-u=\"{id}\"]")));
}

/// Stop uploads still running: nobody will see their answers.
pub(crate) fn abort_all(f: Flow) {
    let running: Vec<_> = f
        .uploads
        .try_update(|ups| ups.drain(..).filter_map(|u| u.xhr).collect())
        .unwrap_or_default();
    for x in running {
        let _ = x.abort();
    }
}
