use serde::{Deserialize, Serialize};

use super::{Branding, CompetitorId, ExchangeRates, NamedList, OwnerId, Settings, StageId, Taxonomy};

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
    /// Added with consultant setups, also without a migration: older
    /// catalogs read as the standard branding.
    #[serde(default)]
    pub branding: Branding,
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
            branding: Branding::default(),
        }
    }

    /// A catalog around a reason list saved before the catalog existed.
    pub fn with_taxonomy(taxonomy: Taxonomy) -> Catalog {
        Catalog { taxonomy, ..Catalog::standard() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_catalog_stored_before_branding_existed_reads_with_the_default_branding() {
        let mut stored = serde_json::to_value(Catalog::standard()).expect("serialises");
        if let Some(fields) = stored.as_object_mut() {
            fields.remove("branding");
        }
        assert!(stored.get("branding").is_none());
        let catalog: Catalog = serde_json::from_value(stored).expect("reads");
        assert_eq!(catalog.branding, Branding::default());
        assert_eq!(catalog, Catalog::standard());
    }
}
