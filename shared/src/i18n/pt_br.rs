//! Brazilian Portuguese: every [`Msg`] in one exhaustive `match` (a missing message is a compile error).

use super::*;

/// Every message in Brazilian Portuguese: its own function so a browser bundle can fetch one language
/// without the others.
pub fn pt_br(msg: Msg<'_>) -> String {
    use Msg::*;
    let s = match msg {
        Loading => "Carregando…",
        TrackHeading => "Rastreie seu pedido",
        TrackIntro => "Informe o número do pedido e o e-mail que você usou na compra.",
        OrderNumberLabel => "Número do pedido",
        EmailLabel => "E-mail",
        TrackButton => "Rastrear pedido",
        TrackBusy => "Buscando…",
        LookUpAnother => "Buscar outro pedido",
        YourOrders => "Seus pedidos",
        NoOrders => "Você ainda não tem pedidos.",
        LoadMore => "Mostrar mais pedidos",
        AllOrders => "Todos os pedidos",
        OrderHeading(n) => return format!("Pedido {n}"),
        PlacedOn(d) => return format!("Realizado em {d}"),
        OrderRow {
            number,
            date,
            status,
            total,
        } => return format!("Pedido {number} · {date} · {status} · {total}"),
        OrderStatus(s) => {
            use crate::order::OrderStatus::*;
            match s {
                Processing => "Estamos preparando seu pedido",
                PartiallyShipped => "Parte do seu pedido está a caminho",
                Shipped => "Seu pedido está a caminho",
                OutForDelivery => "Saiu para entrega",
                Delivered => "Entregue",
                Exception => "Uma entrega precisa de atenção",
                Cancelled => "Este pedido foi cancelado",
            }
        }
        Status(s) => {
            use TrackingStatus::*;
            match s {
                Pending => "Etiqueta criada",
                InfoReceived => "Transportadora notificada",
                InTransit => "Em trânsito",
                OutForDelivery => "Saiu para entrega",
                AttemptedDelivery => "Tentativa de entrega",
                AvailableForPickup => "Pronto para retirada",
                Delivered => "Entregue",
                Exception => "Problema na entrega",
                ReturnedToSender => "Devolvido ao remetente",
                Expired => "Sem atualizações recentes",
            }
        }
        Step(s) => match s {
            ProgressStep::Ordered => "Pedido realizado",
            ProgressStep::Shipped => "Enviado",
            ProgressStep::InTransit => "Em trânsito",
            ProgressStep::OutForDelivery => "Saiu para entrega",
            ProgressStep::Delivered => "Entregue",
        },
        ParcelOf(i, n) => return format!("Pacote {i} de {n}"),
        Carrier => "Transportadora",
        TrackingNumber => "Código de rastreio",
        OpensNewTab => "(abre em uma nova aba)",
        Eta => "Previsão de entrega",
        Progress => "Andamento da entrega",
        StepNow => "Agora",
        StepDone => "(concluído)",
        InThisParcel => "Neste pacote",
        History => "Histórico de rastreio",
        NoEvents => "Ainda não há atualizações de rastreio.",
        LocalTime(time, zone) => return format!("{time} no horário local ({zone})"),
        Quantity(n) => return format!("Quantidade: {n}"),
        NotShippedYet(1) => "1 item ainda não foi enviado",
        NotShippedYet(n) => return format!("{n} itens ainda não foram enviados"),
        Preparing => "Estamos preparando seu pedido",
        PreparingBody => "Os dados de rastreio vão aparecer aqui assim que o pedido for enviado.",
        FieldError(field, issue) => match (field, issue) {
            (Field::OrderNumber, FieldIssue::Required) => "Informe o número do pedido.",
            (Field::Email, FieldIssue::Required) => "Informe seu e-mail.",
            (Field::OrderNumber, FieldIssue::TooLong) => "Esse número de pedido é longo demais.",
            (Field::Email, FieldIssue::TooLong) => "Esse e-mail é longo demais.",
            (Field::OrderNumber, _) => {
                "Use apenas as letras, os números e - _ . da confirmação do pedido."
            }
            (Field::Email, _) => "Informe um e-mail como nome@exemplo.com.",
        },
        LookupNotFound => {
            "Não encontramos nenhum pedido com esse número e esse e-mail. Confira os dois e tente novamente."
        }
        RateLimited(Some(1)) => "Muitas tentativas. Tente novamente em 1 segundo.",
        RateLimited(Some(n)) => {
            return format!("Muitas tentativas. Tente novamente em {n} segundos.")
        }
        RateLimited(None) => "Muitas tentativas. Tente novamente daqui a pouco.",
        SessionExpired => "Sua sessão expirou. Busque seu pedido novamente.",
        SignInAgain => "Seu login expirou. Entre novamente para ver seus pedidos.",
        OrderNotFound => "Não encontramos este pedido na sua conta.",
        Unreachable => {
            "Não conseguimos acessar o serviço de rastreio de pedidos. Verifique sua conexão e tente novamente."
        }
        Generic => "Algo deu errado ao carregar seu pedido.",
        TryAgain => "Tentar novamente",
        WidgetUnavailable => "Esta parte da página não carregou. Verifique sua conexão e tente novamente.",
        Reason(r) => {
            use ExceptionReason::*;
            match r {
                AddressIssue => "problema no endereço",
                CustomsHold => "retido na alfândega",
                Damaged => "danificado",
                Lost => "extraviado",
                Delayed => "atraso por causa do clima ou da transportadora",
                Refused => "recusado",
                Other => "outro problema",
            }
        }
        Banner(status, reason) => {
            use ExceptionReason::*;
            match (status, reason) {
                (TrackingStatus::AttemptedDelivery, _) => "O entregador não conseguiu entregar seu pacote",
                (TrackingStatus::ReturnedToSender, _) => "Seu pacote está sendo devolvido à loja",
                (TrackingStatus::Expired, _) => "Faz muito tempo que não recebemos atualizações de rastreio",
                (_, Some(AddressIssue)) => "Há um problema com o endereço de entrega",
                (_, Some(CustomsHold)) => "Seu pacote está retido na alfândega",
                (_, Some(Damaged)) => "Seu pacote foi danificado durante o transporte",
                (_, Some(Lost)) => "A transportadora extraviou seu pacote",
                (_, Some(Delayed)) => {
                    "Seu pacote está atrasado por causa do clima ou de um problema da transportadora"
                }
                (_, Some(Refused)) => "A entrega foi recusada",
                (_, _) => "A transportadora informou um problema com seu pacote",
            }
        }
        ReasonLine(r) => return format!("Motivo: {}", pt_br(Reason(r))),
        Next(step, carrier) => match step {
            NextStep::Wait => {
                "Por enquanto, você não precisa fazer nada: esta página é atualizada quando a transportadora informa o andamento."
            }
            NextStep::UpdateAddress => "Confirme seu endereço de entrega com a gente.",
            NextStep::ContactCarrier => return format!("Entre em contato com {carrier} para resolver."),
            NextStep::ContactStore => "Fale com a gente e nós resolvemos.",
            NextStep::ArrangeRedelivery => {
                return format!(
                    "O entregador vai tentar de novo, ou você pode combinar uma nova entrega com {carrier}."
                )
            }
            NextStep::CollectFromPickupPoint => {
                "Retire seu pacote no ponto de retirada antes do prazo final."
            }
        },
        CustomsHint(c) => {
            return format!(
                "A alfândega pode exigir documentos ou o pagamento de impostos de importação antes de liberar o pacote; {c} vai informar o que está faltando."
            )
        }
        CarrierLink(c) => return format!("Rastrear via {c}"),
        DelayTitle => "Entrega atrasada: a previsão da transportadora já passou",
        DelayBody => {
            "A maioria dos pacotes atrasados chega em poucos dias. Esta página é atualizada automaticamente."
        }
        Stalled(Some(1)) => "Sem atualização da transportadora há 1 dia",
        Stalled(Some(n)) => return format!("Sem atualização da transportadora há {n} dias"),
        Stalled(None) => "Sem atualização recente da transportadora",
        GetHelp => "Obter ajuda",
        HelpHeading => "Precisa de ajuda com sua entrega?",
        ContactUs => "Fale conosco",
        ContactEmail(e) => return format!("Envie um e-mail para {e}"),
        ContactPhone(p) => return format!("Ligue para {p}"),
        ContactChat => "Fale com a gente pelo chat",
        Copy => "Copiar",
        CopyLabel => "Copiar código de rastreio",
        Copied => "Copiado",
        CopyFailed => "Não foi possível copiar: selecione o código e copie.",
        ShowAll(n) => return format!("Mostrar todas as {n} atualizações"),
        ShowFewer => "Mostrar menos atualizações",
        EtaRevised(was, now) => return format!("Antes: {was} — agora: {now}"),
        ShipsIn(n) => return format!("Seu pedido será enviado em {n} pacotes"),
        PickupPoint => "Ponto de retirada",
        OpeningHours => "Horário de funcionamento",
        CollectBy(d) => return format!("Retire até {d}"),
        UpdatedJustNow => "Atualizado agora mesmo",
        UpdatedAgo(rel) => return format!("Atualizado {rel}"),
        RefreshFailed => "Não foi possível atualizar — tentando de novo",
        NpsRegion => "Sua opinião",
        NotNow => "Agora não",
        Close => "Fechar",
        FollowUp(kind, cat) => match (kind, cat) {
            (_, Category::Detractor) => "O que deu errado?",
            (SurveyKind::Nps, Category::Passive) => "O que faltou para ser nota 10?",
            (SurveyKind::Csat, Category::Passive) => "O que poderia ser melhor?",
            (SurveyKind::Nps, Category::Promoter) => "Do que você mais gostou?",
            (SurveyKind::Csat, Category::Promoter) => "Do que você gostou?",
        },
        ContactMe => "Pedir para a loja entrar em contato comigo",
        ContactNote => "A loja vai entrar em contato com você.",
        ReviewInvite => "Que bom que você gostou! Quer avaliar os produtos que comprou?",
        WriteReview => "Escrever uma avaliação",
        CharsLeft(1) => "Resta 1 caractere",
        CharsLeft(n) => return format!("Restam {n} caracteres"),
        Send => "Enviar",
        Sending => "Enviando…",
        NpsThanks => "Obrigado — sua opinião nos ajuda a melhorar.",
        SavedOffline => "Salvo neste dispositivo — vamos enviar quando você estiver on-line de novo",
        NpsSaveFailed => "Não conseguimos salvar sua opinião. Tente novamente.",
        ReturnsHeading => "Solicitar devolução",
        FindOrder => "Buscar pedido",
        ChooseOrder => "Escolha o pedido que você quer devolver",
        StepOf(n, of) => return format!("Etapa {n} de {of}"),
        ReturnStep(s) => match s {
            RStep::Items => "Escolha o que devolver",
            RStep::Reasons => "Conte o motivo",
            RStep::Photos => "Adicione fotos",
            RStep::Resolution => "Reembolso ou troca",
            RStep::Review => "Revise e envie",
        },
        Back => "Voltar",
        Continue => "Continuar",
        ReturnBy(d) => return format!("Devolva até {d}"),
        QtyToReturn => "Quantidade a devolver",
        Blocked(r, date) => match (r, date) {
            (NotReturnable::FinalSale, _) => "Venda final: este item não aceita devolução.",
            (NotReturnable::AlreadyReturned, _) => "Já devolvido: todas as unidades estão em uma devolução.",
            (NotReturnable::NotDelivered, _) => "Ainda não entregue: você poderá devolver quando ele chegar.",
            (NotReturnable::WindowClosed, Some(d)) => return format!("O prazo de devolução terminou em {d}."),
            (NotReturnable::WindowClosed, None) => "O prazo de devolução deste item terminou.",
        },
        NothingReturnable => "No momento, nenhum item deste pedido pode ser devolvido.",
        PastReturns => "Devoluções deste pedido",
        ReturnRow { rma, status, date, units } => {
            return format!("{rma} · {status} · {date} · {}", pt_br(Units(units)))
        }
        Units(1) => "1 item",
        Units(n) => return format!("{n} itens"),
        WithdrawalHeading => "Direito de desistência",
        WithdrawalExplain(d) => {
            return format!("Pela legislação de defesa do consumidor da UE, você pode desistir desta compra em até 14 dias após a entrega, sem precisar informar o motivo. Prazo final: {d}.")
        }
        WithdrawButton => "Desistir do contrato",
        WithdrawConfirmHeading => "Desistir do contrato?",
        WithdrawConfirmBody(n) => {
            return format!("Você declara que desiste do contrato de compra do pedido {n}. Registramos a data e a hora e mostramos uma confirmação que você pode consultar depois. Em seguida, devolva os itens em até 14 dias; a loja reembolsa o seu pagamento, como exige a lei.")
        }
        ConfirmWithdrawal => "Confirmar desistência",
        GoBack => "Voltar",
        WithdrawnHeading => "Desistência confirmada",
        Reference(r) => return format!("Referência: {r}"),
        RecordedOn(d) => return format!("Registrada em {d}"),
        Statement => "Sua declaração",
        WithdrawalKeep => "Guarde esta confirmação. Ela continua disponível nesta página para este pedido.",
        PastWithdrawals => "Suas declarações de desistência",
        WithdrawalRow(r, d) => return format!("Desistência {r}, {d}"),
        BackToOrder => "Voltar ao seu pedido",
        ReasonLabel => "Motivo",
        ChooseReason => "Escolha um motivo",
        CommentLabel(Requirement::Required) => "Descreva o problema (obrigatório)",
        CommentLabel(_) => "Comentário (opcional)",
        PhotosNext(Requirement::Required) => "Na próxima etapa, você vai adicionar pelo menos uma foto.",
        PhotosNext(_) => "Na próxima etapa, você pode adicionar fotos.",
        Req(Requirement::Required) => "(obrigatório)",
        Req(Requirement::Optional) => "(opcional)",
        Req(Requirement::Disabled) => "",
        PhotosIntro(size, n) => {
            return format!("Fotos em JPEG, PNG ou WebP, de até {size} cada e até {n} por item.")
        }
        ChoosePhotos => "Escolher fotos",
        DropHere => "ou arraste e solte aqui",
        Uploading(name) => return format!("Enviando {name}"),
        Uploaded => "Enviada",
        PhotoAdded(name) => return format!("Foto adicionada: {name}"),
        RemovePhoto(name) => return format!("Remover {name}"),
        Remove => "Remover",
        PhotoN(n) => return format!("Foto {n}"),
        PhotoRemoved(name) => return format!("Foto removida: {name}"),
        FileRefused(p, name) => {
            return match p {
                FileProblem::Type => format!("{name} não é uma foto JPEG, PNG ou WebP."),
                FileProblem::TooBig(max) => format!("{name} tem mais de {}.", size(max)),
                FileProblem::TooMany(n) => format!("Não foi possível adicionar {name}: no máximo {n} fotos por item."),
                FileProblem::Unreadable => format!("Não foi possível ler {name} como foto, ou a imagem tem pixels demais."),
                FileProblem::Network => format!("Não foi possível enviar {name}. Verifique sua conexão e tente novamente."),
                FileProblem::Expired => format!("Não foi possível enviar {name}: sua sessão expirou. Recarregue a página para continuar."),
                FileProblem::Failed => format!("Não foi possível enviar {name}. Tente novamente."),
            }
        }
        ResolutionLabel(r, bonus) => match (r, bonus) {
            (Resolution::Refund, _) => "Reembolso na forma de pagamento original",
            (Resolution::StoreCredit, Some(p)) => return format!("Crédito na loja (+{p}% de bônus)"),
            (Resolution::StoreCredit, None) => "Crédito na loja",
            (Resolution::Exchange, _) => "Troca por outro tamanho ou cor",
        },
        ExchangeFor => "Novo tamanho ou cor",
        ChooseVariant => "Escolha…",
        OutOfStock(l) => return format!("{l} (esgotado)"),
        ReasonIs(r) => return format!("Motivo: {r}"),
        CommentIs(c) => return format!("Comentário: {c}"),
        Photos(1) => "1 foto",
        Photos(n) => return format!("{n} fotos"),
        Outcome(r, variant) => match r {
            Resolution::Refund => "Reembolso na forma de pagamento original",
            Resolution::StoreCredit => "Crédito na loja",
            Resolution::Exchange => return format!("Troca por {variant}"),
        },
        EstimateHeading => "O que você vai receber",
        Calculating => "Calculando…",
        EstimateFailed => "No momento, não conseguimos calcular os valores. Mesmo assim, você pode enviar sua devolução.",
        EstRefundItems => "Itens a reembolsar",
        EstRestocking => "Taxa de reposição de estoque",
        EstShipping => "Frete da devolução",
        EstRefundTotal => "Reembolso na sua forma de pagamento original",
        EstCredit => "Crédito na loja pelos itens",
        EstBonus => "Bônus em crédito na loja",
        EstCreditTotal => "Total de crédito na loja",
        EstExchange => "Itens trocados (sem custo)",
        MethodLegend => "Como você vai devolver os itens?",
        Method(ReturnMethod::DropOff) => "Entregar em um ponto de coleta da transportadora",
        Method(ReturnMethod::Pickup) => "Coleta no seu endereço pela transportadora",
        SubmitReturn => "Enviar solicitação",
        Submitting => "Enviando…",
        SubmitOffline => {
            "Não conseguimos enviar sua devolução. Verifique sua conexão e tente novamente: ela nunca será enviada duas vezes."
        }
        SubmitConflict => {
            "Alguns destes itens foram devolvidos nesse meio-tempo. Atualizamos a lista: confira sua escolha."
        }
        SubmitMaybeSent => "Esta devolução talvez já tenha sido enviada. Confira as devoluções listadas para este pedido.",
        SubmitFailed => "Algo deu errado ao enviar sua devolução. Tente novamente.",
        Problem(w) => match w {
            What::Nothing => "Escolha pelo menos um item para devolver.",
            What::Quantity => "Escolha uma quantidade que você ainda possa devolver.",
            What::Reason => "Escolha um motivo.",
            What::Comment => "Descreva o problema em poucas palavras.",
            What::CommentLong => "O comentário deve ter menos de 1.000 caracteres.",
            What::Photos => "Adicione pelo menos uma foto.",
            What::TooManyPhotos => "Fotos demais para este item: remova algumas.",
            What::Uploading => "Aguarde o envio das fotos terminar.",
            What::Resolution => "Escolha o que você prefere receber.",
            What::Exchange => "Escolha um tamanho ou uma cor disponível em estoque.",
            What::Method => "Escolha como você vai devolver os itens.",
        },
        ReturnHeading(rma) => return format!("Devolução {rma}"),
        ReturnStatus(s) => {
            use crate::returns::ReturnStatus::*;
            match s {
                Requested => "Solicitada",
                Approved => "Aprovada",
                InTransit => "A caminho da loja",
                Received => "Recebida",
                Refunded => "Reembolsada",
                Exchanged => "Troca realizada",
                Rejected => "Recusada",
                Cancelled => "Cancelada",
            }
        }
        StatusIs(s) => return format!("Status: {s}"),
        ReturnCreated => "Sua devolução foi solicitada.",
        QrAlt(rma) => return format!("QR code da devolução {rma}"),
        PrintLabel => "Imprimir etiqueta",
        ReturnHistory => "Histórico da devolução",
        StoreNote(n) => return format!("Observação da loja: {n}"),
        CancelReturn => "Cancelar devolução",
        CancelConfirm => "Cancelar esta devolução? Os itens não serão coletados nem reembolsados.",
        CancelYes => "Sim, cancelar a devolução",
        CancelNo => "Manter a devolução",
        CancelFailed => "Não conseguimos cancelar a devolução. Tente novamente.",
        StatusChanged(s) => return format!("Status atualizado: {s}"),
        WithdrawFailed => "Não conseguimos registrar sua desistência. Tente novamente.",
        ItemsHeading => "Itens",
        ReturnsUnreachable => {
            "Não conseguimos acessar o serviço de devoluções. Verifique sua conexão e tente novamente."
        }
        FilterLegend => "Mostrar",
        Filter(f) => match f {
            OrderFilter::All => "Todos",
            OrderFilter::Open => "Em andamento",
            OrderFilter::Delivered => "Entregues",
            OrderFilter::Returns => "Com devoluções",
            OrderFilter::Cancelled => "Cancelados",
        },
        SearchOrders => "Buscar nos seus pedidos",
        SearchHint => "Número do pedido ou nome do produto",
        Search => "Buscar",
        ShowAllOrders => "Ver todos os pedidos",
        ShowingOf(n, total) => return format!("Mostrando {n} de {total} pedidos"),
        NoMatchingOrders => "Nenhum pedido encontrado. Tente outro filtro ou outra busca.",
        ReturnsOnOrder(1) => "1 devolução",
        ReturnsOnOrder(n) => return format!("{n} devoluções"),
        OrderSummary => "Resumo do pedido",
        Subtotal => "Subtotal",
        ShippingCharge => "Frete",
        Tax => "Impostos",
        Discount => "Desconto",
        OrderTotal => "Total",
        DeliveryAddress => "Endereço de entrega",
        Payment => "Pagamento",
        CardEnding(brand, last4) => return format!("{brand} com final {last4}"),
        ReturnItems => "Devolver itens",
        LinePrice(price, 1) => return price.to_owned(),
        LinePrice(price, n) => return format!("{n} × {price}"),
        AccountSections => "Sua conta",
        PreferencesHeading => "Preferências de comunicação",
        PreferencesIntro => "Escolha sobre o que a loja pode escrever para você e se pode contar suas aberturas e cliques. Cada alteração é salva na hora.",
        TopicName(t) => match t {
            Topic::ShippingUpdates => "Atualizações da entrega",
            Topic::ReviewRequests => "Pedidos de avaliação",
            Topic::Surveys => "Pesquisas",
            Topic::Offers => "Ofertas e novidades",
            Topic::EmailTracking => "Contagem de aberturas e cliques",
        },
        TopicHint(t) => match t {
            Topic::ShippingUpdates => "Onde está o seu pedido e o que fazer se um pacote tiver um problema.",
            Topic::ReviewRequests => "Um convite para avaliar o que você comprou, depois que chegar.",
            Topic::Surveys => "De vez em quando, uma pergunta rápida sobre como foi.",
            Topic::Offers => "Promoções, produtos novos e novidades da loja.",
            Topic::EmailTracking => "Permite que a loja conte quais e-mails dela você abre e quais links segue, para escrever menos e melhor. Desativado, nada é contado.",
        },
        ChangedOn(d) => return format!("Alterado em {d}"),
        PreferenceSaved => "Salvo.",
        PreferenceFailed => "Não foi possível salvar esta alteração. Tente novamente.",
        NeedsAttention => "Precisa da sua atenção",
        WaitingAt(p) => return format!("Seu pacote está esperando em {p}"),
        ReturnToSend(rma) => return format!("A devolução {rma} está aguardando envio"),
        ReturnToSendHow(ReturnMethod::DropOff) => "Embale os itens com o número da devolução e entregue o pacote em um ponto da transportadora.",
        ReturnToSendHow(ReturnMethod::Pickup) => "Embale os itens com o número da devolução: um entregador vai retirar o pacote no seu endereço.",
        ViewOrder(n) => return format!("Ver o pedido {n}"),
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
                        ReturnMethod::DropOff => format!("Embale os itens com um bilhete escrito {rma}, imprima a etiqueta (ou mostre o QR code no ponto de coleta) e entregue o pacote em qualquer ponto de coleta da transportadora."),
                        ReturnMethod::Pickup => format!("Embale os itens com um bilhete escrito {rma} e cole a etiqueta impressa no pacote: um entregador vai buscá-lo no seu endereço no próximo dia útil."),
                    };
                    match address {
                        Some(a) => format!("{send} Endereço de devolução: {a}."),
                        None => send,
                    }
                }
                InTransit => "Seu pacote está voltando para nós. Vamos conferi-lo assim que ele chegar.".into(),
                Received => "Recebemos seu pacote e estamos conferindo os itens.".into(),
                Refunded => "Seu reembolso foi emitido. Pode levar de 3 a 5 dias úteis para aparecer na sua fatura ou extrato.".into(),
                Exchanged => "Sua troca está a caminho.".into(),
                Rejected => "Esta devolução não foi aceita. Veja a observação da loja abaixo.".into(),
                Cancelled => "Esta devolução foi cancelada. Você não precisa enviar nada.".into(),
            };
        }
        WithdrawalStatement {
            number,
            date,
            store,
        } => {
            return format!("Pela presente, comunico que desisto do meu contrato de compra e venda do pedido {number} (realizado em {date}), celebrado com {store}.")
        }
        LabelTitle => "Etiqueta de devolução",
        LabelSendTo => "Enviar para",
        LabelItems => "Itens neste pacote",
        LabelMethodHeading => "Forma de devolução",
        LabelMethod(ReturnMethod::DropOff) => "Entrega em um ponto de coleta da transportadora",
        LabelMethod(ReturnMethod::Pickup) => "Coleta no endereço",
        LabelOutcome(Resolution::Refund) => "reembolso",
        LabelOutcome(Resolution::StoreCredit) => "crédito na loja",
        LabelOutcome(Resolution::Exchange) => "troca por",
        LabelPrintHint => "Imprima esta página (Ctrl+P ou ⌘P), recorte na linha tracejada e cole a etiqueta no pacote.",
        LabelCut => "recorte aqui",
        SurveyQuestion(SurveyKind::Nps) => "Qual é a probabilidade de você recomendar {store} para um amigo?",
        SurveyQuestion(SurveyKind::Csat) => "Qual é o seu nível de satisfação com a entrega?",
        SurveyLow(SurveyKind::Nps) => "Nada provável",
        SurveyLow(SurveyKind::Csat) => "Muito insatisfeito",
        SurveyHigh(SurveyKind::Nps) => "Extremamente provável",
        SurveyHigh(SurveyKind::Csat) => "Muito satisfeito",
        Account(a) => return account::pt_br(a),
        Reviews(r) => return reviews::pt_br(r),
        DefaultReason(r) => match r {
            crate::returns::DefaultReason::TooSmall => "Ficou pequeno",
            crate::returns::DefaultReason::TooLarge => "Ficou grande",
            crate::returns::DefaultReason::ChangedMind => "Mudei de ideia",
            crate::returns::DefaultReason::NotAsDescribed => "Diferente do anunciado",
            crate::returns::DefaultReason::Damaged => "Chegou danificado",
            crate::returns::DefaultReason::WrongItem => "Recebi o item errado",
        },
    };
    s.to_owned()
}
