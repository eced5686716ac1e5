//! The texts of the Orders and Insights areas, in every language: one [`O`] enum (carried by
//! [`T::Orders`](super::T::Orders)) and one exhaustive `match` per language, kept apart from
//! the other areas' texts so each language file stays readable.

use aftercare_shared::Locale;

/// A message of the Orders or Insights area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)] // Each variant's name says what it is; `en` below is its text.
pub enum O<'a> {
    // Order search.
    SearchLabel,
    SearchHint,
    Find,
    NoOrders,
    Newest,
    Results(&'a str),
    PlacedColumn,
    TotalColumn,
    ParcelsColumn,
    // One order.
    BackToOrders,
    StoreOnly,
    CustomerId,
    Guest,
    ViewsLastDay,
    OrderReturns,
    NoOrderReturns,
    OrderRequests,
    NoOrderRequests,
    ShopperView,
    ShopperViewHint,
    NeedsScript,
    // Insights.
    ProductsHeading,
    ProductsHint,
    NoProducts,
    Rating(&'a str, u32),
    NoReviews,
    Ordered(u32),
    Returned(u32),
    ReturnRate(&'a str),
    ReasonsHeading,
    ReasonUnits(&'a str, u32),
    CommentsHeading,
    FeedbackChartAlt,
    FeedbackChartCaption,
    ReasonsChartAlt,
    ReasonsChartCaption,
    AnxietyHeading,
    AnxietyHint(u32, u32),
    NoAnxious,
}

/// `msg` in `locale`.
pub(super) fn text(locale: Locale, msg: O<'_>) -> String {
    match locale {
        Locale::En => en(msg),
        Locale::Es => es(msg),
        Locale::PtBr => pt_br(msg),
    }
}

fn plural(n: u32, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

fn en(msg: O<'_>) -> String {
    let s = |x: &str| x.to_owned();
    match msg {
        O::SearchLabel => s("Order number or email"),
        O::SearchHint => s("An exact order number, or all or part of an email: “ana@” finds ana@example.com."),
        O::Find => s("Find orders"),
        O::NoOrders => s("No orders match. Check the number, or try part of the email."),
        O::Newest => s("Newest orders"),
        O::Results(q) => format!("Orders matching “{q}”"),
        O::PlacedColumn => s("Placed"),
        O::TotalColumn => s("Total"),
        O::ParcelsColumn => s("Parcels"),
        O::BackToOrders => s("← All orders"),
        O::StoreOnly => s("Only the store sees this"),
        O::CustomerId => s("Customer id"),
        O::Guest => s("none (guest checkout)"),
        O::ViewsLastDay => s("Tracking views in the last 24 hours"),
        O::OrderReturns => s("Returns of this order"),
        O::NoOrderReturns => s("No returns."),
        O::OrderRequests => s("Cancellation and address-change requests"),
        O::NoOrderRequests => s("No requests."),
        O::ShopperView => s("What the shopper sees"),
        O::ShopperViewHint => s("The store's own tracking widget, opened with a pass for this order only that ends in 15 minutes. Opening it here is not counted as a shopper's view."),
        O::NeedsScript => s("The shopper's view needs JavaScript."),
        O::ProductsHeading => s("Feedback per product"),
        O::ProductsHint => s("Highest return rate first, then lowest rating."),
        O::NoProducts => s("No product has reviews, returns or survey comments yet."),
        O::Rating(avg, n) => format!("{avg} of 5 ({})", plural(n, "review", "reviews")),
        O::NoReviews => s("No reviews yet"),
        O::Ordered(n) => plural(n, "unit ordered", "units ordered"),
        O::Returned(n) => plural(n, "unit returned", "units returned"),
        O::ReturnRate(pct) => format!("Return rate {pct}"),
        O::ReasonsHeading => s("Top return reasons"),
        O::ReasonUnits(reason, n) => format!("{reason}: {}", plural(n, "unit", "units")),
        O::CommentsHeading => s("Latest survey comments"),
        O::FeedbackChartAlt => s("Bar chart of the products above: average rating out of 5 on the left, return rate on the right."),
        O::FeedbackChartCaption => s("Rating and return rate per product"),
        O::ReasonsChartAlt => s("Stacked bar chart of the most returned products: returned units of each, split by return reason."),
        O::ReasonsChartCaption => s("Returned units per product, by reason"),
        O::AnxietyHeading => s("Tracking anxiety"),
        O::AnxietyHint(views, hours) => format!("Orders whose tracking page was opened at least {views} times in the last {hours} hours, most views first."),
        O::NoAnxious => s("Nobody is checking their tracking that often right now."),
    }
}

fn es(msg: O<'_>) -> String {
    let s = |x: &str| x.to_owned();
    match msg {
        O::SearchLabel => s("Número de pedido o correo electrónico"),
        O::SearchHint => s("Un número de pedido exacto, o todo o parte de un correo: “ana@” encuentra ana@example.com."),
        O::Find => s("Buscar pedidos"),
        O::NoOrders => s("Ningún pedido coincide. Revisa el número o prueba con parte del correo."),
        O::Newest => s("Pedidos más recientes"),
        O::Results(q) => format!("Pedidos que coinciden con “{q}”"),
        O::PlacedColumn => s("Realizado"),
        O::TotalColumn => s("Importe"),
        O::ParcelsColumn => s("Paquetes"),
        O::BackToOrders => s("← Todos los pedidos"),
        O::StoreOnly => s("Solo lo ve la tienda"),
        O::CustomerId => s("Id. de cliente"),
        O::Guest => s("ninguno (compra como invitado)"),
        O::ViewsLastDay => s("Visitas al seguimiento en las últimas 24 horas"),
        O::OrderReturns => s("Devoluciones de este pedido"),
        O::NoOrderReturns => s("Sin devoluciones."),
        O::OrderRequests => s("Solicitudes de cancelación y de cambio de dirección"),
        O::NoOrderRequests => s("Sin solicitudes."),
        O::ShopperView => s("Lo que ve el cliente"),
        O::ShopperViewHint => s("El propio widget de seguimiento de la tienda, abierto con un pase solo para este pedido que caduca en 15 minutos. Abrirlo aquí no cuenta como una visita del cliente."),
        O::NeedsScript => s("La vista del cliente necesita JavaScript."),
        O::ProductsHeading => s("Opiniones por producto"),
        O::ProductsHint => s("Primero la mayor tasa de devolución, después la valoración más baja."),
        O::NoProducts => s("Ningún producto tiene aún opiniones, devoluciones ni comentarios de encuestas."),
        O::Rating(avg, n) => format!("{avg} de 5 ({})", plural(n, "opinión", "opiniones")),
        O::NoReviews => s("Sin opiniones todavía"),
        O::Ordered(n) => plural(n, "unidad pedida", "unidades pedidas"),
        O::Returned(n) => plural(n, "unidad devuelta", "unidades devueltas"),
        O::ReturnRate(pct) => format!("Tasa de devolución {pct}"),
        O::ReasonsHeading => s("Motivos de devolución más frecuentes"),
        O::ReasonUnits(reason, n) => format!("{reason}: {}", plural(n, "unidad", "unidades")),
        O::CommentsHeading => s("Últimos comentarios de encuestas"),
        O::FeedbackChartAlt => s("Gráfico de barras de los productos de arriba: valoración media sobre 5 a la izquierda, tasa de devolución a la derecha."),
        O::FeedbackChartCaption => s("Valoración y tasa de devolución por producto"),
        O::ReasonsChartAlt => s("Gráfico de barras apiladas de los productos más devueltos: unidades devueltas de cada uno, por motivo."),
        O::ReasonsChartCaption => s("Unidades devueltas por producto y motivo"),
        O::AnxietyHeading => s("Inquietud por el envío"),
        O::AnxietyHint(views, hours) => format!("Pedidos cuya página de seguimiento se abrió al menos {views} veces en las últimas {hours} horas, primero los más vistos."),
        O::NoAnxious => s("Ahora mismo nadie consulta su seguimiento con tanta frecuencia."),
    }
}

fn pt_br(msg: O<'_>) -> String {
    let s = |x: &str| x.to_owned();
    match msg {
        O::SearchLabel => s("Número do pedido ou e-mail"),
        O::SearchHint => s("Um número de pedido exato, ou todo ou parte de um e-mail: “ana@” encontra ana@example.com."),
        O::Find => s("Buscar pedidos"),
        O::NoOrders => s("Nenhum pedido encontrado. Confira o número ou tente parte do e-mail."),
        O::Newest => s("Pedidos mais recentes"),
        O::Results(q) => format!("Pedidos que correspondem a “{q}”"),
        O::PlacedColumn => s("Feito em"),
        O::TotalColumn => s("Valor"),
        O::ParcelsColumn => s("Pacotes"),
        O::BackToOrders => s("← Todos os pedidos"),
        O::StoreOnly => s("Só a loja vê isto"),
        O::CustomerId => s("ID do cliente"),
        O::Guest => s("nenhum (compra sem cadastro)"),
        O::ViewsLastDay => s("Visualizações do rastreio nas últimas 24 horas"),
        O::OrderReturns => s("Devoluções deste pedido"),
        O::NoOrderReturns => s("Nenhuma devolução."),
        O::OrderRequests => s("Pedidos de cancelamento e de troca de endereço"),
        O::NoOrderRequests => s("Nenhuma solicitação."),
        O::ShopperView => s("O que o cliente vê"),
        O::ShopperViewHint => s("O próprio widget de rastreio da loja, aberto com um passe só para este pedido que expira em 15 minutos. Abri-lo aqui não conta como uma visualização do cliente."),
        O::NeedsScript => s("A visão do cliente precisa de JavaScript."),
        O::ProductsHeading => s("Opiniões por produto"),
        O::ProductsHint => s("Primeiro a maior taxa de devolução, depois a menor avaliação."),
        O::NoProducts => s("Nenhum produto tem avaliações, devoluções ou comentários de pesquisas ainda."),
        O::Rating(avg, n) => format!("{avg} de 5 ({})", plural(n, "avaliação", "avaliações")),
        O::NoReviews => s("Sem avaliações ainda"),
        O::Ordered(n) => plural(n, "unidade pedida", "unidades pedidas"),
        O::Returned(n) => plural(n, "unidade devolvida", "unidades devolvidas"),
        O::ReturnRate(pct) => format!("Taxa de devolução {pct}"),
        O::ReasonsHeading => s("Principais motivos de devolução"),
        O::ReasonUnits(reason, n) => format!("{reason}: {}", plural(n, "unidade", "unidades")),
        O::CommentsHeading => s("Últimos comentários de pesquisas"),
        O::FeedbackChartAlt => s("Gráfico de barras dos produtos acima: avaliação média de 0 a 5 à esquerda, taxa de devolução à direita."),
        O::FeedbackChartCaption => s("Avaliação e taxa de devolução por produto"),
        O::ReasonsChartAlt => s("Gráfico de barras empilhadas dos produtos mais devolvidos: unidades devolvidas de cada um, por motivo."),
        O::ReasonsChartCaption => s("Unidades devolvidas por produto e motivo"),
        O::AnxietyHeading => s("Ansiedade com a entrega"),
        O::AnxietyHint(views, hours) => format!("Pedidos cuja página de rastreio foi aberta pelo menos {views} vezes nas últimas {hours} horas, os mais vistos primeiro."),
        O::NoAnxious => s("Ninguém está consultando o rastreio com tanta frequência agora."),
    }
}
