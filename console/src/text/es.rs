//! Spanish.

use super::{shopper_status, T};
use crate::ctx::Flash;
use crate::pages::surveys::CommentFilter as F;
use crate::password::PasswordProblem as P;
use crate::role::{Area, Role};
use aftercare_shared::returns::{Resolution, ReturnStatus as S};
use aftercare_shared::survey::{Category as C, SurveyKind as K};
use aftercare_shared::Locale;

fn plural(n: u64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// `msg` in Spanish.
pub(super) fn es(msg: T<'_>) -> String {
    let s = |x: &str| x.to_owned();
    match msg {
        T::Console => s("Consola de Aftercare"),
        T::SkipToContent => s("Saltar al contenido"),
        T::AreaName(a) => s(match a {
            Area::Today => "Hoy",
            Area::Returns => "Devoluciones",
            Area::Requests => "Solicitudes",
            Area::Orders => "Pedidos",
            Area::Reviews => "Opiniones",
            Area::Surveys => "Encuestas",
            Area::Insights => "Análisis",
            Area::Settings => "Configuración",
            Area::Keys => "Claves",
            Area::Users => "Usuarios",
            Area::Audit => "Registro de actividad",
            Area::Account => "Tu cuenta",
        }),
        T::RoleName(r) => s(match r {
            Role::Owner => "propietario",
            Role::Agent => "agente",
        }),
        T::SignOut => s("Cerrar sesión"),
        T::Flash(f) => match f {
            Flash::ReturnMoved(st) => format!("Hecho: la devolución ahora está en estado “{}”.", shopper_status(Locale::Es, st)),
            Flash::FollowedUp => s("Marcado como contactado."),
            Flash::RequestApproved => s("Solicitud aceptada. El cliente ya puede verla."),
            Flash::RequestRejected => s("Solicitud rechazada. El cliente ya puede ver tu nota."),
            Flash::TotpOn => s("La verificación en dos pasos está activada."),
            Flash::TotpOff => s("La verificación en dos pasos está desactivada."),
            Flash::LanguageSaved => s("Idioma guardado."),
            Flash::PasswordChanged => s("Contraseña cambiada. Se han cerrado tus otras sesiones."),
            Flash::UserRemoved => s("Usuario quitado. Su sesión se cerró al momento."),
            Flash::KeyRotated => s("Clave sustituida. Actualiza ahora el data-key de tus fragmentos de inserción."),
            Flash::SettingsSaved => s("Ajustes guardados. Los compradores ya los ven."),
            Flash::Review(f) => super::reviews::flash_es(f),
        },
        T::Pages => s("Páginas"),
        T::FirstPage => s("Primera página"),
        T::NextPage => s("Página siguiente"),
        T::Save => s("Guardar"),
        T::Filter => s("Aplicar"),
        T::Accept => s("Aceptar"),
        T::Reject => s("Rechazar"),
        T::SignInHeading => s("Iniciar sesión"),
        T::SignedOut => s("Has cerrado sesión."),
        T::BadCredentials => s("Ese correo electrónico y esa contraseña no corresponden a ninguna cuenta. Revisa ambos e inténtalo de nuevo."),
        T::Throttled(secs) => format!(
            "Demasiados intentos de inicio de sesión. Espera {} y vuelve a intentarlo.",
            plural(secs.div_ceil(60).max(1), "minuto", "minutos")
        ),
        T::SessionEnded => s("Tu sesión ha terminado. Vuelve a iniciar sesión para continuar."),
        T::StaleForm => s("Este formulario había caducado, así que no se ha hecho nada. Ya está listo de nuevo: envíalo otra vez."),
        T::Email => s("Correo electrónico"),
        T::Password => s("Contraseña"),
        T::SignIn => s("Iniciar sesión"),
        T::CodeHeading => s("Introduce tu código"),
        T::CodeLabel => s("Código de 6 dígitos"),
        T::CodeHint => s("Abre tu aplicación de autenticación y escribe el código que muestra para Aftercare."),
        T::BadCode => s("Ese código no es correcto o ha caducado. Escribe el código que muestra ahora tu aplicación."),
        T::Verify => s("Verificar"),
        T::SetupHeading => s("Crea tu contraseña"),
        T::SetupIntro(email) => format!("Elige una contraseña para {email}. La usarás con este correo para iniciar sesión."),
        T::SetupLinkGone => s("Este enlace de configuración ya no es válido: ya se usó o ha caducado. Pide uno nuevo al propietario de la tienda."),
        T::NewPassword => s("Nueva contraseña"),
        T::ConfirmPassword => s("Escríbela de nuevo"),
        T::PasswordRule(n) => format!("Al menos {n} caracteres. Unas cuantas palabras sin relación entre sí son fáciles de recordar y difíciles de adivinar."),
        T::PasswordRefused(p) => match p {
            P::TooShort => s("Esa contraseña es demasiado corta."),
            P::TooLong => format!("Esa contraseña es demasiado larga: usa como máximo {} caracteres.", crate::password::MAX_CHARS),
            P::IsEmail => s("Tu contraseña no puede ser tu correo electrónico."),
            P::Mismatch => s("Las dos contraseñas no coinciden. Escribe la misma contraseña dos veces."),
        },
        T::SavePassword => s("Guardar contraseña"),
        T::LanguageHeading => s("Idioma"),
        T::LanguageLabel => s("Idioma de la consola"),
        T::LanguageName(l) => s(language(l)),
        T::PasswordHeading => s("Contraseña"),
        T::CurrentPassword => s("Contraseña actual"),
        T::WrongCurrentPassword => s("Tu contraseña actual no es correcta. No se ha cambiado nada."),
        T::ChangePassword => s("Cambiar contraseña"),
        T::TotpHeading => s("Verificación en dos pasos"),
        T::TotpIsOn => s("Activada: al iniciar sesión se pide un código de tu aplicación de autenticación."),
        T::TotpIsOff => s("Desactivada: al iniciar sesión solo se pide tu contraseña."),
        T::TotpTurnOn => s("Activar"),
        T::TotpTurnOff => s("Desactivar"),
        T::TotpScan => s("Escanea este código con una aplicación de autenticación y escribe el código de 6 dígitos que muestre."),
        T::TotpSecret => s("O escribe esta clave:"),
        T::TotpConfirm => s("Confirmar y activar"),
        T::AllClear => s("No tienes nada pendiente. Buen trabajo."),
        T::Waiting => s("Pendiente de tu atención"),
        T::ReturnsWaiting(n) => plural(n, "devolución pendiente de aprobación", "devoluciones pendientes de aprobación"),
        T::RequestsWaiting(n) => plural(n, "solicitud pendiente de decisión", "solicitudes pendientes de decisión"),
        T::FollowUpsWaiting(n) => plural(n, "cliente pidió que lo contactaran", "clientes pidieron que los contactaran"),
        T::AnxiousWaiting(n) => plural(n, "cliente consulta a menudo el seguimiento", "clientes consultan a menudo el seguimiento"),
        T::ParcelsWaiting(n) => plural(n, "paquete con retraso o con incidencias", "paquetes con retraso o con incidencias"),
        T::ReturnsToApprove => s("Devoluciones pendientes de aprobación"),
        T::RequestsToDecide => s("Cancelaciones y cambios de dirección"),
        T::FollowUpsHeading => s("Clientes que pidieron que los contactaran"),
        T::AnxiousHeading => s("Clientes que consultan a menudo el seguimiento"),
        T::AnxiousHint => s("Han mirado su página de seguimiento muchas veces en las últimas 24 horas. Un mensaje breve ahora puede evitar una queja."),
        T::ParcelsHeading => s("Paquetes con retraso o con incidencias"),
        T::OrderRef(n) => format!("Pedido {n}"),
        T::ShippedMeanwhile => s("Un paquete salió después de la solicitud del cliente"),
        T::Views(n) => plural(u64::from(n), "visita", "visitas"),
        T::Delayed => s("con retraso"),
        T::Stalled => s("sin novedades"),
        T::SeeAll(n) => format!("Ver todo ({n})"),
        T::StatusLabel => s("Estado"),
        T::AnyStatus => s("Cualquier estado"),
        T::SearchLabel => s("Buscar"),
        T::ReturnSearchHint => s("RMA, número de pedido o correo electrónico"),
        T::NoReturns => s("Ninguna devolución coincide."),
        T::OrderColumn => s("Pedido"),
        T::RequestedColumn => s("Fecha de solicitud"),
        T::UnitsColumn => s("Unidades"),
        T::ValueColumn => s("Valor"),
        T::ReturnTitle(rma) => format!("Devolución {rma}"),
        T::BackToReturns => s("← Todas las devoluciones"),
        T::MethodLabel => s("Forma de envío"),
        T::Actions => s("Acciones"),
        T::NoMoves => s("Esta devolución está cerrada: ya no se puede cambiar nada."),
        T::MoveTo(st) => s(match st {
            S::Approved => "Aprobar",
            S::InTransit => "Marcar como en tránsito",
            S::Received => "Marcar como recibida",
            S::Refunded => "Marcar como reembolsada",
            S::Exchanged => "Marcar cambio como enviado",
            S::Rejected => "Rechazar",
            S::Cancelled => "Cancelar devolución",
            S::Requested => "Reabrir",
        }),
        T::RejectNote => s("Motivo (el cliente lo leerá)"),
        T::OptionalNote => s("Nota para el cliente (opcional)"),
        T::LinesHeading => s("Artículos"),
        T::QuantityOf(n) => format!("× {n}"),
        T::ReasonLabel => s("Motivo:"),
        T::ResolutionLabel => s("Quiere:"),
        T::ResolutionName(r) => s(match r {
            Resolution::Refund => "un reembolso",
            Resolution::StoreCredit => "saldo en la tienda",
            Resolution::Exchange => "un cambio",
        }),
        T::PhotosLabel => s("Fotos"),
        T::PhotoAlt(i, title) => format!("Foto {i} de {title}, enviada por el cliente"),
        T::EstimateHeading => s("Valor de la devolución"),
        T::RefundItems => s("Artículos a reembolsar"),
        T::RestockingFee => s("Gastos de reposición"),
        T::ReturnShippingFee => s("Gastos de envío de la devolución"),
        T::RefundTotal => s("Reembolso"),
        T::StoreCreditTotal => s("Saldo en la tienda"),
        T::ExchangeItems => s("Artículos cambiados"),
        T::HistoryHeading => s("Historial"),
        T::ByShopper => s("por el cliente"),
        T::ByStore => s("por la tienda"),
        T::NoRequests => s("No hay solicitudes pendientes."),
        T::NewAddress => s("Entregar en:"),
        T::DecisionNote => s("Nota para el cliente (obligatoria para rechazar)"),
        T::SurveyKinds => s("Encuestas"),
        T::SurveyName(k) => s(kind(k)),
        T::ScoreHeading(k) => s(match k {
            K::Nps => "Net Promoter Score",
            K::Csat => "Clientes satisfechos (%)",
        }),
        T::ResponsesLabel => s("Respuestas"),
        T::CategoryName(k, c) => s(category(k, c)),
        T::ScoreOf(k, n) => match k {
            K::Nps => format!("{n}/10"),
            K::Csat => format!("{n}/5"),
        },
        T::TrendAlt(k) => format!("{} por semana en las últimas 12 semanas", kind(k)),
        T::TrendCaption => s("Puntuación por semana"),
        T::DistributionAlt(k) => format!("Cuántos clientes dieron cada puntuación de {}", kind(k)),
        T::DistributionCaption => s("Respuestas por puntuación"),
        T::DownloadCsv => s("Descargar todas las respuestas (CSV)"),
        T::CommentsHeading => s("Comentarios"),
        T::ShowLabel => s("Mostrar"),
        T::CommentFilterName(k, f) => match f {
            F::All => s("Todos los comentarios"),
            F::AwaitingFollowUp => s("Pendientes de contacto"),
            F::Category(c) => s(category(k, c)),
        },
        T::NoComments => s("Ningún comentario coincide."),
        T::WantsContact => s("Pidió que lo contactaran"),
        T::MarkFollowedUp => s("Marcar como contactado"),
        T::NoAudit => s("Todavía no se ha hecho nada en la consola."),
        T::WhenColumn => s("Cuándo"),
        T::WhoColumn => s("Quién"),
        T::ActionColumn => s("Acción"),
        T::SubjectColumn => s("Objeto"),
        T::BeforeColumn => s("Antes"),
        T::AfterColumn => s("Después"),
        T::Conflict => s("Esto ha cambiado desde que lo abriste, así que no se ha guardado nada. La página muestra ahora cómo está."),
        T::NoteNeeded => s("Escribe una nota: el cliente necesita saber el motivo."),
        T::NoteTooLong(n) => format!("La nota es demasiado larga: usa como máximo {n} caracteres."),
        T::ForbiddenTitle => s("No disponible para tu rol"),
        T::ForbiddenText => s("Solo los propietarios de la tienda pueden abrir esta página. Si necesitas cambiar algo aquí, pídeselo a un propietario."),
        T::NotFoundTitle => s("No encontrado"),
        T::NotFoundText => s("Aquí no hay nada. Puede que se haya eliminado o que el enlace esté mal escrito."),
        T::FailedTitle => s("Algo ha salido mal"),
        T::FailedText => s("El servidor no ha podido terminar esta acción. No se ha guardado nada de lo que escribiste; vuelve atrás e inténtalo de nuevo en un momento."),
        T::BackToToday => s("Volver a Hoy"),
        T::Admin(m) => super::admin::adm(Locale::Es, m),
        T::Settings(m) => super::settings::set(Locale::Es, m),
        T::Orders(o) => super::orders::text(Locale::Es, o),
        T::Reviews(m) => super::reviews::es(m),
    }
}

fn language(l: Locale) -> &'static str {
    match l {
        Locale::En => "English",
        Locale::Es => "Español",
        Locale::PtBr => "Português (Brasil)",
    }
}

fn kind(k: K) -> &'static str {
    match k {
        K::Nps => "NPS",
        K::Csat => "CSAT",
    }
}

fn category(k: K, c: C) -> &'static str {
    match (k, c) {
        (K::Nps, C::Promoter) => "Promotores (9–10)",
        (K::Nps, C::Passive) => "Pasivos (7–8)",
        (K::Nps, C::Detractor) => "Detractores (0–6)",
        (K::Csat, C::Promoter) => "Satisfechos (4–5)",
        (K::Csat, C::Passive) => "Neutrales (3)",
        (K::Csat, C::Detractor) => "Insatisfechos (1–2)",
    }
}
