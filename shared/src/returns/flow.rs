//! The return flow's vocabulary: its steps, what can block a step and why a photo is refused.
//!
//! Shared because the shopper-facing messages (`crate::i18n`) name them, and every text lives
//! in one catalog used by the widgets, the server and the emails alike.

/// The form's steps, in order (Photos only when a chosen reason asks for them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Step {
    /// Choose items and quantities.
    #[default]
    Items,
    /// A reason (and comment) per item.
    Reasons,
    /// Photos for reasons that ask for them.
    Photos,
    /// Refund, store credit or exchange per item.
    Resolution,
    /// Summary, estimate, method, submit.
    Review,
}

impl Step {
    /// Every step, in order.
    pub const ALL: [Step; 5] = [
        Step::Items,
        Step::Reasons,
        Step::Photos,
        Step::Resolution,
        Step::Review,
    ];

    /// The step's name in storage.
    pub fn as_str(self) -> &'static str {
        match self {
            Step::Items => "items",
            Step::Reasons => "reasons",
            Step::Photos => "photos",
            Step::Resolution => "resolution",
            Step::Review => "review",
        }
    }

    /// The step named `s` in storage.
    pub fn from_wire(s: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// Kinds of problems, each with its own message and the control it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum What {
    /// No item chosen.
    Nothing,
    /// Quantity outside 1..=returnable (or refused by the server).
    Quantity,
    /// No reason chosen.
    Reason,
    /// The reason requires a comment and there is none.
    Comment,
    /// The comment is longer than the server accepts.
    CommentLong,
    /// The reason requires a photo and there is none.
    Photos,
    /// More photos than allowed.
    TooManyPhotos,
    /// Photos are still uploading.
    Uploading,
    /// No resolution chosen.
    Resolution,
    /// Exchange without an (available) variant.
    Exchange,
    /// No return method chosen.
    Method,
}

impl What {
    /// The control a problem is shown under (`data-err` prefix).
    pub fn slot(self) -> &'static str {
        match self {
            What::Nothing => "items",
            What::Quantity => "qty",
            What::Reason => "reason",
            What::Comment | What::CommentLong => "comment",
            What::Photos | What::TooManyPhotos | What::Uploading => "photos",
            What::Resolution => "res",
            What::Exchange => "ex",
            What::Method => "method",
        }
    }

    /// The step where it is fixed.
    pub fn step(self) -> Step {
        match self {
            What::Nothing | What::Quantity => Step::Items,
            What::Reason | What::Comment | What::CommentLong => Step::Reasons,
            What::Photos | What::TooManyPhotos | What::Uploading => Step::Photos,
            What::Resolution | What::Exchange => Step::Resolution,
            What::Method => Step::Review,
        }
    }
}

/// Why a file is refused before (or by) the upload.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileProblem {
    /// Not JPEG, PNG or WebP.
    Type,
    /// Larger than the store's limit (bytes).
    TooBig(u64),
    /// The line already has the most photos allowed.
    TooMany(u32),
    /// The server could not read it as an image (or it has too many pixels).
    Unreadable,
    /// No answer (offline, timeout): may be tried again.
    Network,
    /// The sign-in or session ran out.
    Expired,
    /// Anything else.
    Failed,
}
