import type { Database } from "./database.js";

/**
 * The schema, as ordered migrations shared by PGlite and PostgreSQL. Append new entries; never edit an
 * applied one. Constraints repeat the service's validation so that the database stays consistent even if
 * a handler has a bug.
 */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: "catalog",
    sql: `
create table parties (
  id integer primary key, name text,
  status text not null default 'PENDING' check (status in ('PENDING', 'APPROVED')),
  balance numeric, credit_limit numeric check (credit_limit >= 0),
  created_at timestamptz not null default now(), approved_at timestamptz
);
create table products (
  id integer primary key, party_id integer not null references parties(id),
  name text not null, description text, brand text, category text,
  inserted_at date not null, valid_from date not null, valid_to date not null,
  max_price numeric, max_penalty_termination numeric, max_penalty_mpc numeric, max_penalty_removal numeric,
  negotiation_type text not null, release text not null, status text not null, unsuccessful_rounds integer,
  check (valid_from <= valid_to)
);
create table sla_templates (
  registry text not null check (registry in ('BSLAM', 'SSLAM', 'ISLAM')), id text not null,
  description text, provider_id integer references parties(id), register_name text,
  model_version text, content text not null, created_at timestamptz not null default now(),
  primary key (registry, id)
);
create table product_offers (
  id integer primary key, product_id integer not null references products(id),
  party_id integer not null references parties(id),
  template_registry text not null, template_id text not null,
  name text, description text, billing_frequency_id integer not null, revision text not null, status text not null,
  inserted_at date not null, valid_from date not null, valid_to date not null,
  foreign key (template_registry, template_id) references sla_templates(registry, id),
  check (valid_from <= valid_to)
);
create table prices (
  id integer primary key, kind text not null check (kind in ('fixed', 'variable', 'compound')),
  currency text not null, valid_from date not null, valid_until date not null, period text not null,
  type text, datatype text, quantity numeric, value numeric,
  condition text, condition_value numeric, condition_datatype text,
  check (valid_from <= valid_until)
);
create table compound_fee_members (
  compound_id integer not null references prices(id), member_id integer not null references prices(id),
  primary key (compound_id, member_id)
);
create table unit_resources (
  id integer primary key, name text not null, description text, instance_id text,
  ovf_reservation boolean not null default false, type text not null, unit text,
  price_id integer references prices(id)
);
create table guarantees (
  id integer primary key, name text not null, description text not null, agreement_term text, operator text,
  percentage numeric not null check (percentage > 0 and percentage <= 1),
  sla_template_registry text, sla_template_id text, type text not null, value text, value_type text,
  foreign key (sla_template_registry, sla_template_id) references sla_templates(registry, id)
);
create table priced_item_guarantees (
  priced_item_id integer not null references unit_resources(id),
  guarantee_id integer not null references guarantees(id),
  primary key (priced_item_id, guarantee_id)
);
`,
  },
  {
    version: 2,
    name: "api tokens and ownership",
    sql: `
create table api_tokens (
  id text primary key, name text not null,
  role text not null check (role in ('admin', 'provider', 'reader')),
  party_id integer references parties(id),
  secret_sha256 text not null,
  created_at timestamptz not null default now(), revoked_at timestamptz,
  check ((role = 'provider') = (party_id is not null))
);
create table resource_owners (
  kind text not null check (kind in ('unit-resource', 'price', 'guarantee')), id integer not null,
  party_id integer not null references parties(id),
  primary key (kind, id)
);
`,
  },
  {
    version: 3,
    name: "ids are never reused",
    sql: `
create table id_high_water (table_name text primary key, high integer not null);
`,
  },
];

/** Applies the missing migrations in one transaction, under an advisory lock so that two starts do not race. */
export async function migrate(db: Database): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query("select pg_advisory_xact_lock(4242001)");
    await tx.query(
      "create table if not exists schema_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())",
    );
    const done = new Set(
      (await tx.query<{ version: number }>("select version from schema_migrations")).map((r) => r.version),
    );
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query("insert into schema_migrations (version, name) values ($1, $2)", [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}
