//! What a console password must be (NIST SP 800-63B: length over composition rules): at
//! least [`MIN_CHARS`] characters, at most [`MAX_CHARS`], and not the email itself. Checked
//! by the server on setup and change; the form states the same rule.

/// Fewest characters (Unicode scalar values) a password may have.
pub const MIN_CHARS: usize = 12;
/// Most characters a password may have (bounds the hashing work an attacker can ask for).
pub const MAX_CHARS: usize = 128;

/// Why a new password is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordProblem {
    /// Fewer than [`MIN_CHARS`] characters.
    TooShort,
    /// More than [`MAX_CHARS`] characters.
    TooLong,
    /// The same as the account's email (ignoring case).
    IsEmail,
    /// The confirmation differs.
    Mismatch,
}

/// The first problem with `password` (confirmed as `again`) for the user `email`.
pub fn check(password: &str, again: &str, email: &str) -> Option<PasswordProblem> {
    let n = password.chars().count();
    if n < MIN_CHARS {
        Some(PasswordProblem::TooShort)
    } else if n > MAX_CHARS {
        Some(PasswordProblem::TooLong)
    } else if password.trim().eq_ignore_ascii_case(email.trim()) {
        Some(PasswordProblem::IsEmail)
    } else if password != again {
        Some(PasswordProblem::Mismatch)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_counts_characters_and_the_email_is_refused() {
        let email = "owner@shop.example.com";
        assert_eq!(
            check("short", "short", email),
            Some(PasswordProblem::TooShort)
        );
        assert_eq!(
            check("ñññññññññññ", "ñññññññññññ", email),
            Some(PasswordProblem::TooShort)
        );
        assert_eq!(check("ñññññññññññx", "ñññññññññññx", email), None);
        let long = "x".repeat(MAX_CHARS + 1);
        assert_eq!(check(&long, &long, email), Some(PasswordProblem::TooLong));
        assert_eq!(
            check("OWNER@shop.example.com", "OWNER@shop.example.com", email),
            Some(PasswordProblem::IsEmail)
        );
        assert_eq!(
            check("correct horse battery", "correct horse batter", email),
            Some(PasswordProblem::Mismatch)
        );
    }
}
