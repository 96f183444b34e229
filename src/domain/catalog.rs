use serde::{Deserialize, Serialize};

use super::{CompetitorId, ExchangeRates, NamedList, OwnerId, Settings, StageId, Taxonomy};

/// Everything a team sets up once and deals refer to: the reasons, the
/// owners, competitors and stages, and the settings. Stored as one record,
/// so a change to it is one write.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Catalog {
    pub taxonomy: Taxonomy,
    #[serde(default)]
    pub owners: NamedList<OwnerId>,
    #[serde(default)]
    pub competitors: NamedList<CompetitorId>,
    #[serde(default = "standard_stages")]
    pub stages: NamedList<StageId>,
    #[serde(default)]
    pub settings: Settings,
    /// Added after schema 3 without a migration: older catalogs read as
    /// having no rates.
    #[serde(default)]
    pub exchange_rates: ExchangeRates,
}

const STAGES: [&str; 6] = ["Prospecting", "Qualification", "Discovery", "Demo", "Proposal", "Negotiation"];

fn standard_stages() -> NamedList<StageId> {
    NamedList::from_names(&STAGES, |_, name| StageId::new(format!("stage-{}", name.to_lowercase())))
}

impl Catalog {
    /// What a new workspace starts with: the standard reasons and stages.
    pub fn standard() -> Catalog {
        Catalog {
            taxonomy: Taxonomy::standard(),
            owners: NamedList::default(),
            competitors: NamedList::default(),
            stages: standard_stages(),
            settings: Settings::default(),
            exchange_rates: ExchangeRates::default(),
        }
    }

    /// A catalog around a reason list saved before the catalog existed.
    pub fn with_taxonomy(taxonomy: Taxonomy) -> Catalog {
        Catalog { taxonomy, ..Catalog::standard() }
    }
}
