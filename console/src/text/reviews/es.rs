//! The review area in Spanish.

use super::{plural, Rv};
use crate::ctx::ReviewFlash as F;
use crate::pages::review_import::ImportIssue as I;
use aftercare_shared::review::{RejectReason as R, ReviewStatus as S};

/// `msg` in Spanish.
pub(in crate::text) fn es(msg: Rv<'_>) -> String {
    let s = |x: &str| x.to_owned();
    match msg {
        Rv::StatusTabs => s("Opiniones por estado"),
        Rv::Tab(st) => s(match st {
            S::Pending => "Por moderar",
            S::Published => "Publicadas",
            S::Rejected => "Rechazadas",
        }),
        Rv::ImportTab => s("Importar y exportar"),
        Rv::Count(st, n) => match st {
            S::Pending => plural(n, "opinión pendiente de moderación", "opiniones pendientes de moderación"),
            S::Published => plural(n, "opinión publicada", "opiniones publicadas"),
            S::Rejected => plural(n, "opinión rechazada", "opiniones rechazadas"),
        },
        Rv::NoneIn(st) => s(match st {
            S::Pending => "No hay opiniones pendientes de moderación.",
            S::Published => "Todavía no hay opiniones publicadas.",
            S::Rejected => "No se ha rechazado ninguna opinión.",
        }),
        Rv::Product(p) => format!("Producto: {p}"),
        Rv::By(name) => format!("De {name}"),
        Rv::NotVerified => s("Compra no verificada"),
        Rv::Written(d) => format!("Escrita el {d}"),
        Rv::Edited(d) => format!("editada el {d}"),
        Rv::RejectedBecause(r) => format!("Rechazada: {}.", reason(r).to_lowercase()),
        Rv::Approve => s("Aprobar y publicar"),
        Rv::ReasonLabel => s("Motivo para no publicarla"),
        Rv::ChooseReason => s("Elige un motivo…"),
        Rv::Reason(r) => s(reason(r)),
        Rv::ReasonsHeading => s("Qué lee el autor con cada motivo"),
        Rv::NeutralHint => s("Nunca se rechaza una opinión por ser negativa ni por su puntuación: solo por lo que falla en su contenido."),
        Rv::ReasonNeeded => s("Elige un motivo: el autor lo leerá."),
        Rv::ReplyHeading => s("Respuesta pública"),
        Rv::ReplyLabel => s("Respuesta bajo esta opinión"),
        Rv::ReplyHint(n) => format!("Se muestra en la página del producto bajo la opinión cuando esté publicada. Hasta {n} caracteres."),
        Rv::SaveReply => s("Guardar respuesta"),
        Rv::DeleteReply => s("Eliminar respuesta"),
        Rv::ReplyUpdated(d) => format!("Último cambio: {d}"),
        Rv::ReplyNeeded => s("Escribe primero la respuesta. Para quitar una respuesta, usa Eliminar respuesta."),
        Rv::ReplyTooLong(n) => format!("La respuesta es demasiado larga: usa como máximo {n} caracteres."),
        Rv::TodayHeading => s("Opiniones pendientes de moderación"),
        Rv::ImportHeading => s("Importar opiniones de otra aplicación"),
        Rv::ImportIntro => s("Pega la exportación CSV de Judge.me u Okendo. Primero se revisa todo el archivo: si alguna línea falla, no se importa nada y se indican todas las líneas con errores. Importar otra vez el mismo archivo no añade nada."),
        Rv::FormatLabel => s("Exportado desde"),
        Rv::CsvLabel => s("Contenido del archivo CSV"),
        Rv::CsvHint(mb) => format!("Abre el archivo exportado en un editor de texto, cópialo entero y pégalo aquí. Como máximo {mb} MB."),
        Rv::ImportButton => s("Importar opiniones"),
        Rv::ImportRefused(n) => format!(
            "No se ha importado nada: {} en el archivo. Corrígelos e impórtalo de nuevo.",
            plural(n, "error", "errores")
        ),
        Rv::ImportLine(line, column, issue) => format!("Línea {line}, columna “{column}”: {}.", issue_text(issue)),
        Rv::TooBig(mb) => format!("El archivo es demasiado grande: como máximo {mb} MB por importación. Divídelo e importa cada parte."),
        Rv::ResultHeading => s("Resultado de la importación"),
        Rv::RowsRead => s("Líneas leídas"),
        Rv::ImportedCount => s("Opiniones añadidas"),
        Rv::VerifiedCount => s("De ellas, de compradores verificados"),
        Rv::DuplicatesCount => s("Ya estaban, sin cambios"),
        Rv::ExportHeading => s("Exportar"),
        Rv::ExportHint => s("Todas las opiniones de la tienda en todos los estados, con las respuestas, de la más antigua a la más reciente."),
        Rv::ExportLink => s("Descargar todas las opiniones (CSV)"),
    }
}

/// A review result in Spanish.
pub(in crate::text) fn flash_es(f: F) -> String {
    match f {
        F::Approved => "Opinión aprobada: ya está en la página del producto.",
        F::Rejected => "Opinión rechazada: el autor ve el motivo.",
        F::ReplySaved => "Respuesta guardada: se muestra bajo la opinión cuando esté publicada.",
        F::ReplyDeleted => "Respuesta eliminada.",
        F::Imported => "Importación terminada: el resultado está debajo.",
    }
    .to_owned()
}

fn reason(r: R) -> &'static str {
    match r {
        R::Spam => "Spam o publicidad",
        R::OffTopic => "No trata del tema",
        R::PersonalData => "Contiene datos personales",
        R::Offensive => "Lenguaje ofensivo",
        R::NotAboutProduct => "Trata del envío o de la tienda",
    }
}

fn issue_text(i: I) -> String {
    match i {
        I::Unreadable => "la línea no se puede leer como CSV".to_owned(),
        I::MissingColumn => "el archivo no tiene esa columna".to_owned(),
        I::Rating => "la puntuación debe ser un número entero del 1 al 5".to_owned(),
        I::Empty => "está vacía".to_owned(),
        I::TooShort(n) => format!("necesita al menos {n} caracteres"),
        I::TooLong(n) => format!("tiene más de {n} caracteres"),
        I::BadDate => "falta la fecha o no se puede leer".to_owned(),
        I::FutureDate => "la fecha es futura".to_owned(),
        I::UnknownProduct => {
            "la tienda no tiene ningún producto con ese SKU, handle o id".to_owned()
        }
        I::NoProduct => "la línea no indica SKU, handle ni id de producto".to_owned(),
        I::Invalid => "el valor no es válido".to_owned(),
    }
}
