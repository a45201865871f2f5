-- The factor model of the Dow Jones demo database (deploy/demo-dowjones30.sh runs this after migrate).
-- The data holds 30 Dow stocks and the NYSE Composite (NYA), and no ETF: only the market factor has a proxy there
-- (NYA, through Analytics__MarketBenchmark=NYA). So this deployment's model is the market factor alone: every other
-- factor definition is switched off, and so is every stress scenario that shocks anything but the market. The
-- reference-data seeder never changes an existing row, so the choice survives every migrate. Idempotent.
UPDATE sigmasight.factor_definitions SET is_active = (name = 'Market Beta (90D)');
UPDATE sigmasight.stress_scenarios AS s
   SET is_active = s.is_active AND NOT EXISTS (
       SELECT 1 FROM jsonb_object_keys(s.shocks) AS shocked(factor) WHERE shocked.factor <> 'Market');
