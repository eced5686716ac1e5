//! Spanish: every [`Msg`] in one exhaustive `match` (a missing message is a compile error).

use super::*;

/// Every message in Spanish: its own function so a browser bundle can fetch one language
/// without the others.
pub fn es(msg: Msg<'_>) -> String {
    use Msg::*;
    let s = match msg {
        Loading => "Cargando…",
        TrackHeading => "Sigue tu pedido",
        TrackIntro => "Introduce el número de pedido y el correo electrónico que usaste al comprar.",
        OrderNumberLabel => "Número de pedido",
        EmailLabel => "Correo electrónico",
        TrackButton => "Seguir pedido",
        TrackBusy => "Buscando…",
        LookUpAnother => "Buscar otro pedido",
        YourOrders => "Tus pedidos",
        NoOrders => "Todavía no tienes pedidos.",
        LoadMore => "Mostrar más pedidos",
        AllOrders => "Todos los pedidos",
        OrderHeading(n) => return format!("Pedido {n}"),
        PlacedOn(d) => return format!("Realizado el {d}"),
        OrderRow {
            number,
            date,
            status,
            total,
        } => return format!("Pedido {number} · {date} · {status} · {total}"),
        OrderStatus(s) => {
            use crate::order::OrderStatus::*;
            match s {
                Processing => "Estamos preparando tu pedido",
                PartiallyShipped => "Parte de tu pedido está en camino",
                Shipped => "Tu pedido está en camino",
                OutForDelivery => "En reparto",
                Delivered => "Entregado",
                Exception => "Una entrega necesita atención",
                Cancelled => "Este pedido se ha cancelado",
            }
        }
        Status(s) => {
            use TrackingStatus::*;
            match s {
                Pending => "Etiqueta creada",
                InfoReceived => "Transportista avisado",
                InTransit => "En tránsito",
                OutForDelivery => "En reparto",
                AttemptedDelivery => "Intento de entrega",
                AvailableForPickup => "Listo para recoger",
                Delivered => "Entregado",
                Exception => "Incidencia en la entrega",
                ReturnedToSender => "Devuelto al remitente",
                Expired => "Sin novedades recientes",
            }
        }
        Step(s) => match s {
            ProgressStep::Ordered => "Pedido",
            ProgressStep::Shipped => "Enviado",
            ProgressStep::InTransit => "En tránsito",
            ProgressStep::OutForDelivery => "En reparto",
            ProgressStep::Delivered => "Entregado",
        },
        ParcelOf(i, n) => return format!("Paquete {i} de {n}"),
        Carrier => "Transportista",
        TrackingNumber => "Número de seguimiento",
        OpensNewTab => "(se abre en una pestaña nueva)",
        Eta => "Entrega estimada",
        Progress => "Progreso de la entrega",
        StepNow => "Ahora",
        StepDone => "(completado)",
        InThisParcel => "En este paquete",
        History => "Historial de seguimiento",
        NoEvents => "Aún no hay novedades del envío.",
        LocalTime(time, zone) => return format!("{time} hora local ({zone})"),
        Quantity(n) => return format!("Cantidad: {n}"),
        NotShippedYet(1) => "1 artículo aún no se ha enviado",
        NotShippedYet(n) => return format!("{n} artículos aún no se han enviado"),
        Preparing => "Estamos preparando tu pedido",
        PreparingBody => "Los datos de seguimiento aparecerán aquí en cuanto se envíe.",
        FieldError(field, issue) => match (field, issue) {
            (Field::OrderNumber, FieldIssue::Required) => "Introduce el número de pedido.",
            (Field::Email, FieldIssue::Required) => "Introduce tu correo electrónico.",
            (Field::OrderNumber, FieldIssue::TooLong) => "Ese número de pedido es demasiado largo.",
            (Field::Email, FieldIssue::TooLong) => "Ese correo electrónico es demasiado largo.",
            (Field::OrderNumber, _) => {
                "Usa solo las letras, cifras y - _ . de la confirmación del pedido."
            }
            (Field::Email, _) => "Introduce un correo como nombre@ejemplo.com.",
        },
        LookupNotFound => {
            "No encontramos ningún pedido con ese número y ese correo. Revisa ambos e inténtalo de nuevo."
        }
        RateLimited(Some(1)) => "Demasiados intentos. Vuelve a intentarlo en 1 segundo.",
        RateLimited(Some(n)) => {
            return format!("Demasiados intentos. Vuelve a intentarlo en {n} segundos.")
        }
        RateLimited(None) => "Demasiados intentos. Vuelve a intentarlo en un momento.",
        SessionExpired => "Tu sesión ha caducado. Vuelve a buscar tu pedido.",
        SignInAgain => "Tu sesión ha caducado. Vuelve a iniciar sesión para ver tus pedidos.",
        OrderNotFound => "No encontramos este pedido en tu cuenta.",
        Unreachable => {
            "No pudimos conectar con el servicio de seguimiento. Revisa tu conexión e inténtalo de nuevo."
        }
        Generic => "Algo salió mal al cargar tu pedido.",
        TryAgain => "Reintentar",
        WidgetUnavailable => "Esta parte de la página no se ha cargado. Comprueba tu conexión e inténtalo de nuevo.",
        Reason(r) => {
            use ExceptionReason::*;
            match r {
                AddressIssue => "problema con la dirección",
                CustomsHold => "retenido en aduana",
                Damaged => "dañado",
                Lost => "perdido",
                Delayed => "retraso por el tiempo o del transportista",
                Refused => "rechazado",
                Other => "otro problema",
            }
        }
        Banner(status, reason) => {
            use ExceptionReason::*;
            match (status, reason) {
                (TrackingStatus::AttemptedDelivery, _) => "El repartidor no pudo entregar tu paquete",
                (TrackingStatus::ReturnedToSender, _) => "Tu paquete está volviendo a la tienda",
                (TrackingStatus::Expired, _) => "Hace mucho que no hay novedades del seguimiento",
                (_, Some(AddressIssue)) => "Hay un problema con la dirección de entrega",
                (_, Some(CustomsHold)) => "Tu paquete está retenido en la aduana",
                (_, Some(Damaged)) => "Tu paquete se dañó durante el transporte",
                (_, Some(Lost)) => "El transportista ha perdido tu paquete",
                (_, Some(Delayed)) => {
                    "Tu paquete se retrasa por el tiempo o por un problema del transportista"
                }
                (_, Some(Refused)) => "La entrega fue rechazada",
                (_, _) => "El transportista ha informado de un problema con tu paquete",
            }
        }
        ReasonLine(r) => return format!("Motivo: {}", es(Reason(r))),
        Next(step, carrier) => match step {
            NextStep::Wait => {
                "Por ahora no tienes que hacer nada: esta página se actualiza cuando el transportista informa de avances."
            }
            NextStep::UpdateAddress => "Revisa con nosotros tu dirección de entrega.",
            NextStep::ContactCarrier => return format!("Contacta con {carrier} para resolverlo."),
            NextStep::ContactStore => "Contacta con nosotros y lo solucionamos.",
            NextStep::ArrangeRedelivery => {
                return format!(
                    "El repartidor volverá a intentarlo, o puedes acordar otra entrega con {carrier}."
                )
            }
            NextStep::CollectFromPickupPoint => {
                "Recógelo en el punto de recogida antes de la fecha límite."
            }
        },
        CustomsHint(c) => {
            return format!(
                "La aduana puede pedir documentos o aranceles antes de liberarlo; {c} te dirá qué falta."
            )
        }
        CarrierLink(c) => return format!("Seguir en {c}"),
        DelayTitle => "Va con retraso: la fecha estimada del transportista ya ha pasado",
        DelayBody => {
            "La mayoría de los paquetes retrasados llegan en pocos días. Esta página se actualiza sola."
        }
        Stalled(Some(1)) => "Sin novedades del transportista desde hace 1 día",
        Stalled(Some(n)) => return format!("Sin novedades del transportista desde hace {n} días"),
        Stalled(None) => "Sin novedades recientes del transportista",
        GetHelp => "Obtener ayuda",
        HelpHeading => "¿Necesitas ayuda con tu entrega?",
        ContactUs => "Contacta con nosotros",
        ContactEmail(e) => return format!("Escríbenos a {e}"),
        ContactPhone(p) => return format!("Llámanos al {p}"),
        ContactChat => "Chatea con nosotros",
        Copy => "Copiar",
        CopyLabel => "Copiar número de seguimiento",
        Copied => "Copiado",
        CopyFailed => "No se pudo copiar: selecciona el número y cópialo.",
        ShowAll(n) => return format!("Mostrar las {n} actualizaciones"),
        ShowFewer => "Mostrar menos actualizaciones",
        EtaRevised(was, now) => return format!("Antes: {was} — ahora: {now}"),
        ShipsIn(n) => return format!("Tu pedido se envía en {n} paquetes"),
        PickupPoint => "Punto de recogida",
        OpeningHours => "Horario",
        CollectBy(d) => return format!("Recógelo antes del {d}"),
        UpdatedJustNow => "Actualizado hace un momento",
        UpdatedAgo(rel) => return format!("Actualizado {rel}"),
        RefreshFailed => "No se pudo actualizar; lo reintentamos",
        NpsRegion => "Tu opinión",
        NotNow => "Ahora no",
        Close => "Cerrar",
        FollowUp(kind, cat) => match (kind, cat) {
            (_, Category::Detractor) => "¿Qué ha salido mal?",
            (SurveyKind::Nps, Category::Passive) => "¿Qué haría falta para que fuera un 10?",
            (SurveyKind::Csat, Category::Passive) => "¿Qué podríamos mejorar?",
            (SurveyKind::Nps, Category::Promoter) => "¿Qué es lo que más te ha gustado?",
            (SurveyKind::Csat, Category::Promoter) => "¿Qué te ha gustado?",
        },
        ContactMe => "Pedir a la tienda que se ponga en contacto conmigo",
        ContactNote => "La tienda se pondrá en contacto contigo.",
        ReviewInvite => "¡Nos alegra que te haya gustado! ¿Quieres valorar los productos que compraste?",
        WriteReview => "Escribir una valoración",
        CharsLeft(1) => "Queda 1 carácter",
        CharsLeft(n) => return format!("Quedan {n} caracteres"),
        Send => "Enviar",
        Sending => "Enviando…",
        NpsThanks => "Gracias: tu opinión nos ayuda a mejorar.",
        SavedOffline => "Guardado en este dispositivo: lo enviaremos cuando vuelvas a tener conexión",
        NpsSaveFailed => "No hemos podido guardar tu opinión. Inténtalo de nuevo.",
        ReturnsHeading => "Iniciar una devolución",
        FindOrder => "Buscar pedido",
        ChooseOrder => "Elige el pedido que quieres devolver",
        StepOf(n, of) => return format!("Paso {n} de {of}"),
        ReturnStep(s) => match s {
            RStep::Items => "Elige qué quieres devolver",
            RStep::Reasons => "Cuéntanos el motivo",
            RStep::Photos => "Añade fotos",
            RStep::Resolution => "Reembolso o cambio",
            RStep::Review => "Revisa y envía",
        },
        Back => "Atrás",
        Continue => "Continuar",
        ReturnBy(d) => return format!("Devuélvelo antes del {d}"),
        QtyToReturn => "Cantidad a devolver",
        Blocked(r, date) => match (r, date) {
            (NotReturnable::FinalSale, _) => "Venta final: este artículo no admite devoluciones.",
            (NotReturnable::AlreadyReturned, _) => "Ya devuelto: todas las unidades están en una devolución.",
            (NotReturnable::NotDelivered, _) => "Aún no entregado: podrás devolverlo cuando llegue.",
            (NotReturnable::WindowClosed, Some(d)) => return format!("El plazo de devolución terminó el {d}."),
            (NotReturnable::WindowClosed, None) => "El plazo de devolución de este artículo ha terminado.",
        },
        NothingReturnable => "Ahora mismo no se puede devolver ningún artículo de este pedido.",
        PastReturns => "Devoluciones de este pedido",
        ReturnRow { rma, status, date, units } => {
            return format!("{rma} · {status} · {date} · {}", es(Units(units)))
        }
        Units(1) => "1 artículo",
        Units(n) => return format!("{n} artículos"),
        WithdrawalHeading => "Derecho de desistimiento",
        WithdrawalExplain(d) => {
            return format!("Según la normativa europea de consumo puedes desistir de esta compra en los 14 días siguientes a la entrega, sin dar ningún motivo. Fecha límite: {d}.")
        }
        WithdrawButton => "Desistir del contrato",
        WithdrawConfirmHeading => "¿Desistir del contrato?",
        WithdrawConfirmBody(n) => {
            return format!("Declaras que desistes del contrato de compra del pedido {n}. Registramos la fecha y la hora y te mostramos una confirmación que podrás volver a consultar. Después, devuelve los artículos en un plazo de 14 días; la tienda te reembolsará el pago como exige la ley.")
        }
        ConfirmWithdrawal => "Confirmar el desistimiento",
        GoBack => "Volver",
        WithdrawnHeading => "Desistimiento confirmado",
        Reference(r) => return format!("Referencia: {r}"),
        RecordedOn(d) => return format!("Registrado el {d}"),
        Statement => "Tu declaración",
        WithdrawalKeep => "Guarda esta confirmación. Seguirá apareciendo en esta página para este pedido.",
        PastWithdrawals => "Tus declaraciones de desistimiento",
        WithdrawalRow(r, d) => return format!("Desistimiento {r}, {d}"),
        BackToOrder => "Volver a tu pedido",
        ReasonLabel => "Motivo",
        ChooseReason => "Elige un motivo",
        CommentLabel(Requirement::Required) => "Describe el problema (obligatorio)",
        CommentLabel(_) => "Comentario (opcional)",
        PhotosNext(Requirement::Required) => "En el siguiente paso añadirás al menos una foto.",
        PhotosNext(_) => "En el siguiente paso podrás añadir fotos.",
        Req(Requirement::Required) => "(obligatorio)",
        Req(Requirement::Optional) => "(opcional)",
        Req(Requirement::Disabled) => "",
        PhotosIntro(size, n) => {
            return format!("Fotos JPEG, PNG o WebP, de hasta {size} cada una y {n} por artículo.")
        }
        ChoosePhotos => "Elegir fotos",
        DropHere => "o arrástralas aquí",
        Uploading(name) => return format!("Subiendo {name}"),
        Uploaded => "Subida",
        PhotoAdded(name) => return format!("{name} añadida"),
        RemovePhoto(name) => return format!("Quitar {name}"),
        Remove => "Quitar",
        PhotoN(n) => return format!("Foto {n}"),
        PhotoRemoved(name) => return format!("{name} quitada"),
        FileRefused(p, name) => {
            return match p {
                FileProblem::Type => format!("{name} no es una foto JPEG, PNG o WebP."),
                FileProblem::TooBig(max) => format!("{name} ocupa más de {}.", size(max)),
                FileProblem::TooMany(n) => format!("{name} no se ha añadido: como máximo {n} fotos por artículo."),
                FileProblem::Unreadable => format!("{name} no se puede leer como foto o tiene demasiados píxeles."),
                FileProblem::Network => format!("{name} no se ha podido subir. Comprueba tu conexión e inténtalo de nuevo."),
                FileProblem::Expired => format!("{name} no se ha podido subir: tu sesión ha caducado. Recarga la página para continuar."),
                FileProblem::Failed => format!("{name} no se ha podido subir. Inténtalo de nuevo."),
            }
        }
        ResolutionLabel(r, bonus) => match (r, bonus) {
            (Resolution::Refund, _) => "Reembolso al método de pago original",
            (Resolution::StoreCredit, Some(p)) => return format!("Saldo en la tienda (+{p} % extra)"),
            (Resolution::StoreCredit, None) => "Saldo en la tienda",
            (Resolution::Exchange, _) => "Cambio por otra talla o color",
        },
        ExchangeFor => "Nueva talla o color",
        ChooseVariant => "Elige…",
        OutOfStock(l) => return format!("{l} (agotado)"),
        ReasonIs(r) => return format!("Motivo: {r}"),
        CommentIs(c) => return format!("Comentario: {c}"),
        Photos(1) => "1 foto",
        Photos(n) => return format!("{n} fotos"),
        Outcome(r, variant) => match r {
            Resolution::Refund => "Reembolso al método de pago original",
            Resolution::StoreCredit => "Saldo en la tienda",
            Resolution::Exchange => return format!("Cambio por {variant}"),
        },
        EstimateHeading => "Lo que recibirás",
        Calculating => "Calculando…",
        EstimateFailed => "Ahora mismo no podemos calcular los importes. Aun así puedes enviar tu devolución.",
        EstRefundItems => "Artículos a reembolsar",
        EstRestocking => "Gastos de reposición",
        EstShipping => "Envío de la devolución",
        EstRefundTotal => "Reembolso a tu método de pago",
        EstCredit => "Saldo por los artículos",
        EstBonus => "Saldo extra",
        EstCreditTotal => "Saldo total en la tienda",
        EstExchange => "Artículos cambiados (sin coste)",
        MethodLegend => "¿Cómo nos lo enviarás?",
        Method(ReturnMethod::DropOff) => "Llevarlo a un punto de entrega",
        Method(ReturnMethod::Pickup) => "Recogida a domicilio por mensajero",
        SubmitReturn => "Enviar devolución",
        Submitting => "Enviando…",
        SubmitOffline => {
            "No hemos podido enviar tu devolución. Comprueba tu conexión e inténtalo de nuevo: nunca se enviará dos veces."
        }
        SubmitConflict => {
            "Algunos de estos artículos se han devuelto mientras tanto. Hemos actualizado la lista: revisa tu elección."
        }
        SubmitMaybeSent => "Puede que esta devolución ya se haya enviado. Revisa las devoluciones de este pedido.",
        SubmitFailed => "Algo ha fallado al enviar tu devolución. Inténtalo de nuevo.",
        Problem(w) => match w {
            What::Nothing => "Elige al menos un artículo para devolver.",
            What::Quantity => "Elige una cantidad que aún puedas devolver.",
            What::Reason => "Elige un motivo.",
            What::Comment => "Describe el problema en pocas palabras.",
            What::CommentLong => "El comentario debe tener menos de 1000 caracteres.",
            What::Photos => "Añade al menos una foto.",
            What::TooManyPhotos => "Demasiadas fotos para este artículo: quita alguna.",
            What::Uploading => "Espera a que terminen de subirse las fotos.",
            What::Resolution => "Elige qué prefieres a cambio.",
            What::Exchange => "Elige una talla o un color disponible.",
            What::Method => "Elige cómo nos lo enviarás.",
        },
        ReturnHeading(rma) => return format!("Devolución {rma}"),
        ReturnStatus(s) => {
            use crate::returns::ReturnStatus::*;
            match s {
                Requested => "Solicitada",
                Approved => "Aprobada",
                InTransit => "De vuelta en camino",
                Received => "Recibida",
                Refunded => "Reembolsada",
                Exchanged => "Cambio enviado",
                Rejected => "Rechazada",
                Cancelled => "Cancelada",
            }
        }
        StatusIs(s) => return format!("Estado: {s}"),
        ReturnCreated => "Hemos recibido tu solicitud de devolución.",
        QrAlt(rma) => return format!("Código QR de la devolución {rma}"),
        PrintLabel => "Imprimir etiqueta",
        ReturnHistory => "Historial de la devolución",
        StoreNote(n) => return format!("Nota de la tienda: {n}"),
        CancelReturn => "Cancelar devolución",
        CancelConfirm => "¿Cancelar esta devolución? Los artículos no se recogerán ni se reembolsarán.",
        CancelYes => "Sí, cancelar la devolución",
        CancelNo => "Mantener la devolución",
        CancelFailed => "No hemos podido cancelar la devolución. Inténtalo de nuevo.",
        StatusChanged(s) => return format!("Estado actualizado: {s}"),
        WithdrawFailed => "No hemos podido registrar tu desistimiento. Inténtalo de nuevo.",
        ItemsHeading => "Artículos",
        ReturnsUnreachable => {
            "No hemos podido conectar con el servicio de devoluciones. Comprueba tu conexión e inténtalo de nuevo."
        }
        FilterLegend => "Mostrar",
        Filter(f) => match f {
            OrderFilter::All => "Todos",
            OrderFilter::Open => "En curso",
            OrderFilter::Delivered => "Entregados",
            OrderFilter::Returns => "Con devoluciones",
            OrderFilter::Cancelled => "Cancelados",
        },
        SearchOrders => "Buscar en tus pedidos",
        SearchHint => "Número de pedido o nombre del producto",
        Search => "Buscar",
        ShowAllOrders => "Ver todos los pedidos",
        ShowingOf(n, total) => return format!("Mostrando {n} de {total} pedidos"),
        NoMatchingOrders => "Ningún pedido coincide. Prueba con otro filtro u otra búsqueda.",
        ReturnsOnOrder(1) => "1 devolución",
        ReturnsOnOrder(n) => return format!("{n} devoluciones"),
        OrderSummary => "Resumen del pedido",
        Subtotal => "Subtotal",
        ShippingCharge => "Envío",
        Tax => "Impuestos",
        Discount => "Descuento",
        OrderTotal => "Total",
        DeliveryAddress => "Dirección de entrega",
        Payment => "Pago",
        CardEnding(brand, last4) => return format!("{brand} terminada en {last4}"),
        ReturnItems => "Devolver artículos",
        LinePrice(price, 1) => return price.to_owned(),
        LinePrice(price, n) => return format!("{n} × {price}"),
        AccountSections => "Tu cuenta",
        PreferencesHeading => "Preferencias de comunicación",
        PreferencesIntro => "Elige sobre qué puede escribirte la tienda y si puede contar tus aperturas y clics. Cada cambio se guarda al momento.",
        TopicName(t) => match t {
            Topic::ShippingUpdates => "Novedades del envío",
            Topic::ReviewRequests => "Peticiones de opinión",
            Topic::Surveys => "Encuestas",
            Topic::Offers => "Ofertas y novedades",
            Topic::EmailTracking => "Recuento de aperturas y clics",
        },
        TopicHint(t) => match t {
            Topic::ShippingUpdates => "Dónde está tu pedido y qué hacer si un paquete tiene un problema.",
            Topic::ReviewRequests => "Una invitación a opinar sobre lo que compraste, cuando ya lo tengas.",
            Topic::Surveys => "De vez en cuando, una pregunta breve sobre cómo fue todo.",
            Topic::Offers => "Promociones, productos nuevos y noticias de la tienda.",
            Topic::EmailTracking => "Permite a la tienda contar qué emails suyos abres y qué enlaces sigues, para escribirte menos y mejor. Desactivado, no se cuenta nada.",
        },
        ChangedOn(d) => return format!("Cambiado el {d}"),
        PreferenceSaved => "Guardado.",
        PreferenceFailed => "No hemos podido guardar este cambio. Inténtalo de nuevo.",
        NeedsAttention => "Requiere tu atención",
        WaitingAt(p) => return format!("Tu paquete te espera en {p}"),
        ReturnToSend(rma) => return format!("La devolución {rma} está pendiente de envío"),
        ReturnToSendHow(ReturnMethod::DropOff) => "Empaqueta los artículos con el número de devolución y entrega el paquete en un punto de la transportista.",
        ReturnToSendHow(ReturnMethod::Pickup) => "Empaqueta los artículos con el número de devolución: un mensajero recogerá el paquete en tu dirección.",
        ViewOrder(n) => return format!("Ver el pedido {n}"),
        ReturnInstructions {
            status,
            method,
            rma,
            address,
        } => {
            use crate::returns::ReturnStatus::*;
            return match status {
                Requested | Approved => {
                    let send = match method {
                        ReturnMethod::DropOff => format!("Empaqueta los artículos con una nota que diga {rma}, imprime la etiqueta (o muestra el código QR en el punto de entrega) y entrega el paquete en cualquier punto de la transportista."),
                        ReturnMethod::Pickup => format!("Empaqueta los artículos con una nota que diga {rma} y pega la etiqueta impresa en el paquete: un mensajero lo recogerá en tu dirección el siguiente día laborable."),
                    };
                    match address {
                        Some(a) => format!("{send} Dirección de devolución: {a}."),
                        None => send,
                    }
                }
                InTransit => "Tu paquete está de camino. Lo revisaremos en cuanto llegue.".into(),
                Received => "Hemos recibido tu paquete y estamos revisando los artículos.".into(),
                Refunded => "Hemos emitido tu reembolso. Puede tardar de 3 a 5 días laborables en aparecer en tu extracto.".into(),
                Exchanged => "Tu cambio está de camino.".into(),
                Rejected => "Esta devolución no ha sido aceptada. Consulta la nota de la tienda más abajo.".into(),
                Cancelled => "Esta devolución se ha cancelado. No tienes que enviar nada.".into(),
            };
        }
        WithdrawalStatement {
            number,
            date,
            store,
        } => {
            return format!("Por la presente le comunico que desisto de mi contrato de venta del pedido {number} (realizado el {date}) con {store}.")
        }
        LabelTitle => "Etiqueta de devolución",
        LabelSendTo => "Enviar a",
        LabelItems => "Artículos en este paquete",
        LabelMethodHeading => "Cómo se devuelve",
        LabelMethod(ReturnMethod::DropOff) => "Entrega en un punto de la transportista",
        LabelMethod(ReturnMethod::Pickup) => "Recogida a domicilio",
        LabelOutcome(Resolution::Refund) => "reembolso",
        LabelOutcome(Resolution::StoreCredit) => "saldo en tienda",
        LabelOutcome(Resolution::Exchange) => "cambio por",
        LabelPrintHint => "Imprime esta página (Ctrl+P o ⌘P), recorta por la línea discontinua y pega la etiqueta en el paquete.",
        LabelCut => "recortar aquí",
        SurveyQuestion(SurveyKind::Nps) => "¿Qué probabilidad hay de que recomiendes {store} a un amigo?",
        SurveyQuestion(SurveyKind::Csat) => "¿Qué tan satisfecho estás con tu entrega?",
        SurveyLow(SurveyKind::Nps) => "Nada probable",
        SurveyLow(SurveyKind::Csat) => "Muy insatisfecho",
        SurveyHigh(SurveyKind::Nps) => "Muy probable",
        SurveyHigh(SurveyKind::Csat) => "Muy satisfecho",
        Account(a) => return account::es(a),
        Reviews(r) => return reviews::es(r),
        DefaultReason(r) => match r {
            crate::returns::DefaultReason::TooSmall => "Demasiado pequeño",
            crate::returns::DefaultReason::TooLarge => "Demasiado grande",
            crate::returns::DefaultReason::ChangedMind => "He cambiado de opinión",
            crate::returns::DefaultReason::NotAsDescribed => "No es como se describía",
            crate::returns::DefaultReason::Damaged => "Llegó dañado",
            crate::returns::DefaultReason::WrongItem => "Me enviaron otro artículo",
        },
    };
    s.to_owned()
}
