//! Brazilian Portuguese.

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

/// `msg` in Brazilian Portuguese.
pub(super) fn pt_br(msg: T<'_>) -> String {
    let s = |x: &str| x.to_owned();
    match msg {
        T::Console => s("Console do Aftercare"),
        T::SkipToContent => s("Pular para o conteúdo"),
        T::AreaName(a) => s(match a {
            Area::Today => "Hoje",
            Area::Returns => "Devoluções",
            Area::Requests => "Solicitações",
            Area::Orders => "Pedidos",
            Area::Reviews => "Avaliações",
            Area::Surveys => "Pesquisas",
            Area::Insights => "Análises",
            Area::Settings => "Configurações",
            Area::Keys => "Chaves",
            Area::Users => "Usuários",
            Area::Audit => "Registro de atividades",
            Area::Account => "Sua conta",
        }),
        T::RoleName(r) => s(match r {
            Role::Owner => "proprietário",
            Role::Agent => "atendente",
        }),
        T::SignOut => s("Sair"),
        T::Flash(f) => match f {
            Flash::ReturnMoved(st) => format!("Pronto: a devolução agora está com o status “{}”.", shopper_status(Locale::PtBr, st)),
            Flash::FollowedUp => s("Marcado como contatado."),
            Flash::RequestApproved => s("Solicitação aceita. O cliente já pode vê-la."),
            Flash::RequestRejected => s("Solicitação recusada. O cliente já pode ver sua observação."),
            Flash::TotpOn => s("A verificação em duas etapas está ativada."),
            Flash::TotpOff => s("A verificação em duas etapas está desativada."),
            Flash::LanguageSaved => s("Idioma salvo."),
            Flash::PasswordChanged => s("Senha alterada. Suas outras sessões foram encerradas."),
            Flash::UserRemoved => s("Usuário removido. A sessão foi encerrada na hora."),
            Flash::KeyRotated => s("Chave substituída. Atualize agora o data-key dos seus trechos de incorporação."),
            Flash::SettingsSaved => s("Configurações salvas. Os compradores já as veem."),
            Flash::Review(f) => super::reviews::flash_pt_br(f),
        },
        T::Pages => s("Páginas"),
        T::FirstPage => s("Primeira página"),
        T::NextPage => s("Próxima página"),
        T::Save => s("Salvar"),
        T::Filter => s("Aplicar"),
        T::Accept => s("Aceitar"),
        T::Reject => s("Recusar"),
        T::SignInHeading => s("Entrar"),
        T::SignedOut => s("Você saiu da sua conta."),
        T::BadCredentials => s("Esse e-mail e essa senha não correspondem a nenhuma conta. Confira os dois e tente novamente."),
        T::Throttled(secs) => format!(
            "Muitas tentativas de login. Aguarde {} e tente novamente.",
            plural(secs.div_ceil(60).max(1), "minuto", "minutos")
        ),
        T::SessionEnded => s("Sua sessão terminou. Entre novamente para continuar."),
        T::StaleForm => s("Este formulário tinha expirado, então nada foi feito. Ele já está pronto de novo: envie-o mais uma vez."),
        T::Email => s("E-mail"),
        T::Password => s("Senha"),
        T::SignIn => s("Entrar"),
        T::CodeHeading => s("Digite seu código"),
        T::CodeLabel => s("Código de 6 dígitos"),
        T::CodeHint => s("Abra seu aplicativo autenticador e digite o código que ele mostra para o Aftercare."),
        T::BadCode => s("Esse código está incorreto ou expirou. Digite o código que seu aplicativo mostra agora."),
        T::Verify => s("Verificar"),
        T::SetupHeading => s("Crie sua senha"),
        T::SetupIntro(email) => format!("Escolha uma senha para {email}. Você vai usá-la com este e-mail para entrar."),
        T::SetupLinkGone => s("Este link de configuração não é mais válido: ele já foi usado ou expirou. Peça um novo ao proprietário da loja."),
        T::NewPassword => s("Nova senha"),
        T::ConfirmPassword => s("Digite novamente"),
        T::PasswordRule(n) => format!("Pelo menos {n} caracteres. Algumas palavras sem relação entre si são fáceis de lembrar e difíceis de adivinhar."),
        T::PasswordRefused(p) => match p {
            P::TooShort => s("Essa senha é curta demais."),
            P::TooLong => format!("Essa senha é longa demais: use no máximo {} caracteres.", crate::password::MAX_CHARS),
            P::IsEmail => s("Sua senha não pode ser o seu e-mail."),
            P::Mismatch => s("As duas senhas são diferentes. Digite a mesma senha duas vezes."),
        },
        T::SavePassword => s("Salvar senha"),
        T::LanguageHeading => s("Idioma"),
        T::LanguageLabel => s("Idioma do console"),
        T::LanguageName(l) => s(language(l)),
        T::PasswordHeading => s("Senha"),
        T::CurrentPassword => s("Senha atual"),
        T::WrongCurrentPassword => s("Sua senha atual está incorreta. Nada foi alterado."),
        T::ChangePassword => s("Alterar senha"),
        T::TotpHeading => s("Verificação em duas etapas"),
        T::TotpIsOn => s("Ativada: ao entrar, pedimos um código do seu aplicativo autenticador."),
        T::TotpIsOff => s("Desativada: ao entrar, pedimos apenas sua senha."),
        T::TotpTurnOn => s("Ativar"),
        T::TotpTurnOff => s("Desativar"),
        T::TotpScan => s("Escaneie este código com um aplicativo autenticador e digite o código de 6 dígitos que ele mostrar."),
        T::TotpSecret => s("Ou digite esta chave:"),
        T::TotpConfirm => s("Confirmar e ativar"),
        T::AllClear => s("Nada está esperando por você. Bom trabalho."),
        T::Waiting => s("Aguardando você"),
        T::ReturnsWaiting(n) => plural(n, "devolução aguardando aprovação", "devoluções aguardando aprovação"),
        T::RequestsWaiting(n) => plural(n, "solicitação aguardando decisão", "solicitações aguardando decisão"),
        T::FollowUpsWaiting(n) => plural(n, "cliente pediu contato", "clientes pediram contato"),
        T::AnxiousWaiting(n) => plural(n, "cliente consultando o rastreio com frequência", "clientes consultando o rastreio com frequência"),
        T::ParcelsWaiting(n) => plural(n, "pacote atrasado ou com problema", "pacotes atrasados ou com problema"),
        T::ReturnsToApprove => s("Devoluções aguardando aprovação"),
        T::RequestsToDecide => s("Cancelamentos e trocas de endereço"),
        T::FollowUpsHeading => s("Clientes que pediram contato"),
        T::AnxiousHeading => s("Clientes consultando o rastreio com frequência"),
        T::AnxiousHint => s("Eles abriram a página de rastreio muitas vezes nas últimas 24 horas. Uma mensagem rápida agora pode evitar uma reclamação."),
        T::ParcelsHeading => s("Pacotes atrasados ou com problema"),
        T::OrderRef(n) => format!("Pedido {n}"),
        T::ShippedMeanwhile => s("Um pacote foi enviado depois da solicitação do cliente"),
        T::Views(n) => plural(u64::from(n), "visualização", "visualizações"),
        T::Delayed => s("atrasado"),
        T::Stalled => s("sem atualizações"),
        T::SeeAll(n) => format!("Ver tudo ({n})"),
        T::StatusLabel => s("Status"),
        T::AnyStatus => s("Qualquer status"),
        T::SearchLabel => s("Buscar"),
        T::ReturnSearchHint => s("RMA, número do pedido ou e-mail"),
        T::NoReturns => s("Nenhuma devolução encontrada."),
        T::OrderColumn => s("Pedido"),
        T::RequestedColumn => s("Data da solicitação"),
        T::UnitsColumn => s("Unidades"),
        T::ValueColumn => s("Valor"),
        T::ReturnTitle(rma) => format!("Devolução {rma}"),
        T::BackToReturns => s("← Todas as devoluções"),
        T::MethodLabel => s("Forma de devolução"),
        T::Actions => s("Ações"),
        T::NoMoves => s("Esta devolução está encerrada: nada mais pode ser alterado."),
        T::MoveTo(st) => s(match st {
            S::Approved => "Aprovar",
            S::InTransit => "Marcar como em trânsito",
            S::Received => "Marcar como recebida",
            S::Refunded => "Marcar como reembolsada",
            S::Exchanged => "Marcar troca como enviada",
            S::Rejected => "Recusar",
            S::Cancelled => "Cancelar devolução",
            S::Requested => "Reabrir",
        }),
        T::RejectNote => s("Motivo (o cliente vai ler)"),
        T::OptionalNote => s("Observação para o cliente (opcional)"),
        T::LinesHeading => s("Itens"),
        T::QuantityOf(n) => format!("× {n}"),
        T::ReasonLabel => s("Motivo:"),
        T::ResolutionLabel => s("Quer:"),
        T::ResolutionName(r) => s(match r {
            Resolution::Refund => "um reembolso",
            Resolution::StoreCredit => "crédito na loja",
            Resolution::Exchange => "uma troca",
        }),
        T::PhotosLabel => s("Fotos"),
        T::PhotoAlt(i, title) => format!("Foto {i} de {title}, enviada pelo cliente"),
        T::EstimateHeading => s("Valor da devolução"),
        T::RefundItems => s("Itens a reembolsar"),
        T::RestockingFee => s("Taxa de reposição de estoque"),
        T::ReturnShippingFee => s("Frete da devolução"),
        T::RefundTotal => s("Reembolso"),
        T::StoreCreditTotal => s("Crédito na loja"),
        T::ExchangeItems => s("Itens trocados"),
        T::HistoryHeading => s("Histórico"),
        T::ByShopper => s("pelo cliente"),
        T::ByStore => s("pela loja"),
        T::NoRequests => s("Nenhuma solicitação aguardando."),
        T::NewAddress => s("Entregar em:"),
        T::DecisionNote => s("Observação para o cliente (obrigatória para recusar)"),
        T::SurveyKinds => s("Pesquisas"),
        T::SurveyName(k) => s(kind(k)),
        T::ScoreHeading(k) => s(match k {
            K::Nps => "Net Promoter Score",
            K::Csat => "Clientes satisfeitos (%)",
        }),
        T::ResponsesLabel => s("Respostas"),
        T::CategoryName(k, c) => s(category(k, c)),
        T::ScoreOf(k, n) => match k {
            K::Nps => format!("{n}/10"),
            K::Csat => format!("{n}/5"),
        },
        T::TrendAlt(k) => format!("{} por semana nas últimas 12 semanas", kind(k)),
        T::TrendCaption => s("Nota por semana"),
        T::DistributionAlt(k) => format!("Quantos clientes deram cada nota de {}", kind(k)),
        T::DistributionCaption => s("Respostas por nota"),
        T::DownloadCsv => s("Baixar todas as respostas (CSV)"),
        T::CommentsHeading => s("Comentários"),
        T::ShowLabel => s("Mostrar"),
        T::CommentFilterName(k, f) => match f {
            F::All => s("Todos os comentários"),
            F::AwaitingFollowUp => s("Aguardando contato"),
            F::Category(c) => s(category(k, c)),
        },
        T::NoComments => s("Nenhum comentário encontrado."),
        T::WantsContact => s("Pediu contato"),
        T::MarkFollowedUp => s("Marcar como contatado"),
        T::NoAudit => s("Nada foi feito no console ainda."),
        T::WhenColumn => s("Quando"),
        T::WhoColumn => s("Quem"),
        T::ActionColumn => s("Ação"),
        T::SubjectColumn => s("Objeto"),
        T::BeforeColumn => s("Antes"),
        T::AfterColumn => s("Depois"),
        T::Conflict => s("Isto mudou desde que você abriu, então nada foi salvo. A página agora mostra a situação atual."),
        T::NoteNeeded => s("Escreva uma observação: o cliente precisa saber o motivo."),
        T::NoteTooLong(n) => format!("A observação é longa demais: use no máximo {n} caracteres."),
        T::ForbiddenTitle => s("Não disponível para sua função"),
        T::ForbiddenText => s("Somente os proprietários da loja podem abrir esta página. Se precisar alterar algo aqui, peça a um proprietário."),
        T::NotFoundTitle => s("Não encontrado"),
        T::NotFoundText => s("Não há nada aqui. Talvez tenha sido removido, ou o link foi digitado errado."),
        T::FailedTitle => s("Algo deu errado"),
        T::FailedText => s("O servidor não conseguiu concluir esta ação. Nada do que você digitou foi salvo; volte e tente novamente daqui a pouco."),
        T::BackToToday => s("Voltar para Hoje"),
        T::Admin(m) => super::admin::adm(Locale::PtBr, m),
        T::Settings(m) => super::settings::set(Locale::PtBr, m),
        T::Orders(o) => super::orders::text(Locale::PtBr, o),
        T::Reviews(m) => super::reviews::pt_br(m),
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
        (K::Nps, C::Passive) => "Neutros (7–8)",
        (K::Nps, C::Detractor) => "Detratores (0–6)",
        (K::Csat, C::Promoter) => "Satisfeitos (4–5)",
        (K::Csat, C::Passive) => "Neutros (3)",
        (K::Csat, C::Detractor) => "Insatisfeitos (1–2)",
    }
}
