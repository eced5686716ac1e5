//! The demo store's console users: an owner and an agent with a known password, so
//! `cargo xtask demo` can print a login. Seeding again resets both (password, role,
//! language, second factor off) and ends their sessions.

use crate::db::Db;
use crate::error::Result;
use crate::http::console::secrets;
use aftercare_console::Role;

/// The demo owner's sign-in email.
pub const DEMO_OWNER_EMAIL: &str = "owner@aurora.example";
/// The demo agent's sign-in email.
pub const DEMO_AGENT_EMAIL: &str = "agent@aurora.example";
/// Both demo users' password (demo only: printed by `cargo xtask demo`).
pub const DEMO_CONSOLE_PASSWORD: &str = "aurora-console-demo";

/// Create or reset the demo console users of `store_id`.
pub(super) async fn seed_console_users(db: &Db, store_id: i64, now: i64) -> Result<()> {
    let hash = secrets::hash_password(DEMO_CONSOLE_PASSWORD.to_owned()).await?;
    for (email, role) in [
        (DEMO_OWNER_EMAIL, Role::Owner),
        (DEMO_AGENT_EMAIL, Role::Agent),
    ] {
        let mut tx = db.begin_write().await?;
        let id: Option<i64> = sqlx::query_scalar("SELECT id FROM console_users WHERE email = $1")
            .bind(email)
            .fetch_optional(tx.conn())
            .await?;
        match id {
            Some(id) => {
                sqlx::query(
                    "UPDATE console_users SET store_id = $1, role = $2, locale = 'en', \
                     password_hash = $3, totp_secret = NULL, setup_hash = NULL, \
                     setup_expires_ms = NULL, removed_at_ms = NULL WHERE id = $4",
                )
                .bind(store_id)
                .bind(role.as_str())
                .bind(&hash)
                .bind(id)
                .execute(tx.conn())
                .await?;
                sqlx::query("DELETE FROM console_sessions WHERE user_id = $1")
                    .bind(id)
                    .execute(tx.conn())
                    .await?;
            }
            None => {
                sqlx::query(
                    "INSERT INTO console_users (store_id, email, role, locale, password_hash, \
                     created_at_ms) VALUES ($1, $2, $3, 'en', $4, $5)",
                )
                .bind(store_id)
                .bind(email)
                .bind(role.as_str())
                .bind(&hash)
                .bind(now)
                .execute(tx.conn())
                .await?;
            }
        }
        tx.commit().await?;
    }
    Ok(())
}
