-- A store's look (issue #13, Settings → Branding): the shared `api::Branding` document as
-- JSON, NULL until the merchant saves one (then the built-in look applies). The theme
-- stylesheet (/theme/{publishable_key}.css) and the emails read it.
-- Keep in step with ../sqlite/0016_branding.sql.
ALTER TABLE stores ADD COLUMN branding TEXT;
