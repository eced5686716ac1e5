//! The owners' pages' texts (users and keys): a catalog of its own, reached through
//! [`T::Admin`](super::T::Admin), with the same rule as the main one (an exhaustive `match`
//! per language).

use crate::role::Role;
use aftercare_shared::Locale;

/// Every message of the Users and Keys pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)] // The English arm is each variant's documentation.
pub enum Adm<'a> {
    UsersIntro,
    RoleColumn,
    TwoStepColumn,
    AddedColumn,
    StatusColumn,
    Pending,
    Active,
    On,
    Off,
    You,
    InviteHeading,
    RoleHelp(Role),
    AddUser,
    InvitedHeading(&'a str),
    InvitedText(&'a str),
    SetupLinkLabel,
    NewLink,
    Remove,
    RemoveConfirm(&'a str),
    EmailInvalid,
    EmailTaken(&'a str),
    KeepYourself,
    KeepLastOwner,
    KeysIntro,
    PublishableHeading,
    PublishableHelp,
    SecretHeading,
    SecretHelp,
    SecretEnds(&'a str),
    RotatePublishable,
    RotatePublishableWarn,
    RotateSecret,
    RotateSecretWarn,
    Understand,
    Replace,
    NewSecretHeading,
    NewSecretText,
    ConfirmNeeded,
    Copy,
    Copied,
}

/// `m` in `locale`.
pub(super) fn adm(locale: Locale, m: Adm<'_>) -> String {
    match locale {
        Locale::En => en(m),
        Locale::Es => es(m),
        Locale::PtBr => pt_br(m),
    }
}

fn en(m: Adm<'_>) -> String {
    let s = |x: &str| x.to_owned();
    match m {
        Adm::UsersIntro => s("The people who can sign in to this store's console."),
        Adm::RoleColumn => s("Role"),
        Adm::TwoStepColumn => s("Two-step sign-in"),
        Adm::AddedColumn => s("Added"),
        Adm::StatusColumn => s("Status"),
        Adm::Pending => s("Waiting for setup"),
        Adm::Active => s("Active"),
        Adm::On => s("On"),
        Adm::Off => s("Off"),
        Adm::You => s("(you)"),
        Adm::InviteHeading => s("Add a user"),
        Adm::RoleHelp(Role::Owner) => s("Owner: everything, including settings, keys and users."),
        Adm::RoleHelp(Role::Agent) => {
            s("Agent: returns, reviews, surveys and requests; not settings, keys or users.")
        }
        Adm::AddUser => s("Add user"),
        Adm::InvitedHeading(email) => format!("Send this link to {email}"),
        Adm::InvitedText(email) => format!(
            "It works once, for 72 hours. Whoever opens it chooses the password for {email}, so send it only to them."
        ),
        Adm::SetupLinkLabel => s("Setup link"),
        Adm::NewLink => s("New setup link"),
        Adm::Remove => s("Remove"),
        Adm::RemoveConfirm(email) => format!(
            "Remove {email}? They are signed out at once and cannot sign in again. The audit log keeps what they did."
        ),
        Adm::EmailInvalid => s("Enter an email address, like name@shop.example."),
        Adm::EmailTaken(email) => format!("{email} already has a console account."),
        Adm::KeepYourself => s("You cannot remove yourself. Ask another owner to do it."),
        Adm::KeepLastOwner => s("The store's last owner cannot be removed. Add another owner first."),
        Adm::KeysIntro => s("Keys connect your storefront and your backend to Aftercare."),
        Adm::PublishableHeading => s("Publishable key"),
        Adm::PublishableHelp => s(
            "In every embed snippet (data-key). Safe to show: it only reaches what shoppers may see.",
        ),
        Adm::SecretHeading => s("Secret key"),
        Adm::SecretHelp => s(
            "For your backend only: the admin API, customer tokens and signed links. Shown once, when it is created.",
        ),
        Adm::SecretEnds(last) => format!("Ends in …{last}"),
        Adm::RotatePublishable => s("Replace the publishable key"),
        Adm::RotatePublishableWarn => s(
            "Every embed snippet with the old key stops working at once: update your storefront's script tag right after.",
        ),
        Adm::RotateSecret => s("Replace the secret key"),
        Adm::RotateSecretWarn => s(
            "The old key stops working at once: admin API calls, customer tokens your backend signed, and label and review links already sent. Update your backend right after.",
        ),
        Adm::Understand => s("I understand"),
        Adm::Replace => s("Replace"),
        Adm::NewSecretHeading => s("Your new secret key"),
        Adm::NewSecretText => {
            s("Copy it now into your backend's secrets: it is not shown again.")
        }
        Adm::ConfirmNeeded => s("Tick “I understand” to replace the key. Nothing was changed."),
        Adm::Copy => s("Copy"),
        Adm::Copied => s("Copied"),
    }
}

fn es(m: Adm<'_>) -> String {
    let s = |x: &str| x.to_owned();
    match m {
        Adm::UsersIntro => s("Las personas que pueden iniciar sesión en la consola de esta tienda."),
        Adm::RoleColumn => s("Rol"),
        Adm::TwoStepColumn => s("Verificación en dos pasos"),
        Adm::AddedColumn => s("Alta"),
        Adm::StatusColumn => s("Estado"),
        Adm::Pending => s("Pendiente de configurar"),
        Adm::Active => s("Activo"),
        Adm::On => s("Activada"),
        Adm::Off => s("Desactivada"),
        Adm::You => s("(tú)"),
        Adm::InviteHeading => s("Añadir un usuario"),
        Adm::RoleHelp(Role::Owner) => {
            s("Propietario: todo, incluidos los ajustes, las claves y los usuarios.")
        }
        Adm::RoleHelp(Role::Agent) => s(
            "Agente: devoluciones, opiniones, encuestas y solicitudes; no los ajustes, las claves ni los usuarios.",
        ),
        Adm::AddUser => s("Añadir usuario"),
        Adm::InvitedHeading(email) => format!("Envía este enlace a {email}"),
        Adm::InvitedText(email) => format!(
            "Funciona una sola vez, durante 72 horas. Quien lo abra elige la contraseña de {email}, así que envíalo solo a esa persona."
        ),
        Adm::SetupLinkLabel => s("Enlace de configuración"),
        Adm::NewLink => s("Nuevo enlace de configuración"),
        Adm::Remove => s("Quitar"),
        Adm::RemoveConfirm(email) => format!(
            "¿Quitar a {email}? Su sesión se cierra al momento y no podrá volver a entrar. El registro de auditoría conserva lo que hizo."
        ),
        Adm::EmailInvalid => s("Escribe una dirección de correo, como nombre@tienda.example."),
        Adm::EmailTaken(email) => format!("{email} ya tiene una cuenta en la consola."),
        Adm::KeepYourself => s("No puedes quitarte a ti mismo. Pídeselo a otro propietario."),
        Adm::KeepLastOwner => s(
            "No se puede quitar al último propietario de la tienda. Añade antes otro propietario.",
        ),
        Adm::KeysIntro => s("Las claves conectan tu tienda y tu backend con Aftercare."),
        Adm::PublishableHeading => s("Clave publicable"),
        Adm::PublishableHelp => s(
            "Va en cada fragmento de inserción (data-key). Se puede mostrar: solo llega a lo que pueden ver los compradores.",
        ),
        Adm::SecretHeading => s("Clave secreta"),
        Adm::SecretHelp => s(
            "Solo para tu backend: la API de administración, los tokens de cliente y los enlaces firmados. Se muestra una vez, al crearla.",
        ),
        Adm::SecretEnds(last) => format!("Termina en …{last}"),
        Adm::RotatePublishable => s("Sustituir la clave publicable"),
        Adm::RotatePublishableWarn => s(
            "Todos los fragmentos con la clave antigua dejan de funcionar al momento: actualiza la etiqueta script de tu tienda justo después.",
        ),
        Adm::RotateSecret => s("Sustituir la clave secreta"),
        Adm::RotateSecretWarn => s(
            "La clave antigua deja de funcionar al momento: llamadas a la API de administración, tokens de cliente firmados por tu backend y enlaces de etiquetas y de opiniones ya enviados. Actualiza tu backend justo después.",
        ),
        Adm::Understand => s("Lo entiendo"),
        Adm::Replace => s("Sustituir"),
        Adm::NewSecretHeading => s("Tu nueva clave secreta"),
        Adm::NewSecretText => s(
            "Cópiala ahora en los secretos de tu backend: no se vuelve a mostrar.",
        ),
        Adm::ConfirmNeeded => s("Marca “Lo entiendo” para sustituir la clave. No se ha cambiado nada."),
        Adm::Copy => s("Copiar"),
        Adm::Copied => s("Copiado"),
    }
}

fn pt_br(m: Adm<'_>) -> String {
    let s = |x: &str| x.to_owned();
    match m {
        Adm::UsersIntro => s("As pessoas que podem entrar no console desta loja."),
        Adm::RoleColumn => s("Função"),
        Adm::TwoStepColumn => s("Verificação em duas etapas"),
        Adm::AddedColumn => s("Adicionado em"),
        Adm::StatusColumn => s("Status"),
        Adm::Pending => s("Aguardando configuração"),
        Adm::Active => s("Ativo"),
        Adm::On => s("Ativada"),
        Adm::Off => s("Desativada"),
        Adm::You => s("(você)"),
        Adm::InviteHeading => s("Adicionar um usuário"),
        Adm::RoleHelp(Role::Owner) => {
            s("Proprietário: tudo, inclusive configurações, chaves e usuários.")
        }
        Adm::RoleHelp(Role::Agent) => s(
            "Atendente: devoluções, avaliações, pesquisas e solicitações; não configurações, chaves nem usuários.",
        ),
        Adm::AddUser => s("Adicionar usuário"),
        Adm::InvitedHeading(email) => format!("Envie este link para {email}"),
        Adm::InvitedText(email) => format!(
            "Ele funciona uma única vez, por 72 horas. Quem abrir escolhe a senha de {email}, então envie somente para essa pessoa."
        ),
        Adm::SetupLinkLabel => s("Link de configuração"),
        Adm::NewLink => s("Novo link de configuração"),
        Adm::Remove => s("Remover"),
        Adm::RemoveConfirm(email) => format!(
            "Remover {email}? A sessão é encerrada na hora e a pessoa não poderá entrar de novo. O registro de auditoria mantém o que ela fez."
        ),
        Adm::EmailInvalid => s("Digite um endereço de e-mail, como nome@loja.example."),
        Adm::EmailTaken(email) => format!("{email} já tem uma conta no console."),
        Adm::KeepYourself => s("Você não pode remover a si mesmo. Peça a outro proprietário."),
        Adm::KeepLastOwner => s(
            "O último proprietário da loja não pode ser removido. Adicione outro proprietário antes.",
        ),
        Adm::KeysIntro => s("As chaves conectam sua loja e seu backend ao Aftercare."),
        Adm::PublishableHeading => s("Chave publicável"),
        Adm::PublishableHelp => s(
            "Vai em cada trecho de incorporação (data-key). Pode ser exibida: só alcança o que os compradores podem ver.",
        ),
        Adm::SecretHeading => s("Chave secreta"),
        Adm::SecretHelp => s(
            "Somente para o seu backend: a API de administração, os tokens de cliente e os links assinados. Exibida uma vez, quando é criada.",
        ),
        Adm::SecretEnds(last) => format!("Termina em …{last}"),
        Adm::RotatePublishable => s("Substituir a chave publicável"),
        Adm::RotatePublishableWarn => s(
            "Todos os trechos com a chave antiga param de funcionar na hora: atualize a tag script da sua loja logo em seguida.",
        ),
        Adm::RotateSecret => s("Substituir a chave secreta"),
        Adm::RotateSecretWarn => s(
            "A chave antiga para de funcionar na hora: chamadas à API de administração, tokens de cliente assinados pelo seu backend e links de etiquetas e avaliações já enviados. Atualize seu backend logo em seguida.",
        ),
        Adm::Understand => s("Entendo"),
        Adm::Replace => s("Substituir"),
        Adm::NewSecretHeading => s("Sua nova chave secreta"),
        Adm::NewSecretText => {
            s("Copie agora para os segredos do seu backend: ela não é exibida de novo.")
        }
        Adm::ConfirmNeeded => {
            s("Marque “Entendo” para substituir a chave. Nada foi alterado.")
        }
        Adm::Copy => s("Copiar"),
        Adm::Copied => s("Copiado"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every() -> Vec<Adm<'static>> {
        let mut v = vec![
            Adm::UsersIntro,
            Adm::RoleColumn,
            Adm::TwoStepColumn,
            Adm::AddedColumn,
            Adm::StatusColumn,
            Adm::Pending,
            Adm::Active,
            Adm::On,
            Adm::Off,
            Adm::You,
            Adm::InviteHeading,
            Adm::AddUser,
            Adm::InvitedHeading("a@b.example"),
            Adm::InvitedText("a@b.example"),
            Adm::SetupLinkLabel,
            Adm::NewLink,
            Adm::Remove,
            Adm::RemoveConfirm("a@b.example"),
            Adm::EmailInvalid,
            Adm::EmailTaken("a@b.example"),
            Adm::KeepYourself,
            Adm::KeepLastOwner,
            Adm::KeysIntro,
            Adm::PublishableHeading,
            Adm::PublishableHelp,
            Adm::SecretHeading,
            Adm::SecretHelp,
            Adm::SecretEnds("x9Qz"),
            Adm::RotatePublishable,
            Adm::RotatePublishableWarn,
            Adm::RotateSecret,
            Adm::RotateSecretWarn,
            Adm::Understand,
            Adm::Replace,
            Adm::NewSecretHeading,
            Adm::NewSecretText,
            Adm::ConfirmNeeded,
            Adm::Copy,
            Adm::Copied,
        ];
        v.extend(Role::ALL.map(Adm::RoleHelp));
        v
    }

    /// Which variant a message is: a new variant breaks this `match` until it is numbered.
    fn index(m: &Adm<'_>) -> usize {
        match m {
            Adm::UsersIntro => 0,
            Adm::RoleColumn => 1,
            Adm::TwoStepColumn => 2,
            Adm::AddedColumn => 3,
            Adm::StatusColumn => 4,
            Adm::Pending => 5,
            Adm::Active => 6,
            Adm::On => 7,
            Adm::Off => 8,
            Adm::You => 9,
            Adm::InviteHeading => 10,
            Adm::RoleHelp(_) => 11,
            Adm::AddUser => 12,
            Adm::InvitedHeading(_) => 13,
            Adm::InvitedText(_) => 14,
            Adm::SetupLinkLabel => 15,
            Adm::NewLink => 16,
            Adm::Remove => 17,
            Adm::RemoveConfirm(_) => 18,
            Adm::EmailInvalid => 19,
            Adm::EmailTaken(_) => 20,
            Adm::KeepYourself => 21,
            Adm::KeepLastOwner => 22,
            Adm::KeysIntro => 23,
            Adm::PublishableHeading => 24,
            Adm::PublishableHelp => 25,
            Adm::SecretHeading => 26,
            Adm::SecretHelp => 27,
            Adm::SecretEnds(_) => 28,
            Adm::RotatePublishable => 29,
            Adm::RotatePublishableWarn => 30,
            Adm::RotateSecret => 31,
            Adm::RotateSecretWarn => 32,
            Adm::Understand => 33,
            Adm::Replace => 34,
            Adm::NewSecretHeading => 35,
            Adm::NewSecretText => 36,
            Adm::ConfirmNeeded => 37,
            Adm::Copy => 38,
            Adm::Copied => 39,
        }
    }

    #[test]
    fn every_variant_has_a_sample_and_text_in_every_language() {
        let seen: std::collections::BTreeSet<usize> = every().iter().map(index).collect();
        assert_eq!(seen, (0..40).collect(), "a variant without a sample");
        for m in every() {
            let english = adm(Locale::En, m);
            for l in Locale::ALL {
                let text = adm(l, m);
                assert!(!text.is_empty() && text.trim() == text, "{l:?} {m:?}");
                let same_is_fine = matches!(m, Adm::StatusColumn if l == Locale::PtBr);
                if l != Locale::En && english.contains(' ') && !same_is_fine {
                    assert_ne!(text, english, "{l:?} {m:?} left in English");
                }
            }
        }
    }

    #[test]
    fn emails_and_key_ends_appear_in_every_language() {
        for l in Locale::ALL {
            for m in [
                Adm::InvitedHeading("z@q.example"),
                Adm::InvitedText("z@q.example"),
                Adm::RemoveConfirm("z@q.example"),
                Adm::EmailTaken("z@q.example"),
            ] {
                assert!(adm(l, m).contains("z@q.example"), "{l:?} {m:?}");
            }
            assert!(adm(l, Adm::SecretEnds("x9Qz")).ends_with("…x9Qz"));
        }
    }
}
