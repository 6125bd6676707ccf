/**
 * Step 5: the provider's catalog published with `@meterkit/sla-catalog-client`: the provider party and its
 * approval, a product, its SLA template, an offer, one priced unit resource per flavor (the hourly prices
 * CloudKitty charges), a storage fee conditional on volume size, and an availability guarantee.
 */
import type { CatalogClient } from "@meterkit/sla-catalog-client";
import type { CatalogResult } from "../report/model.js";
import type { Plan } from "../scenario/plan.js";
import { FLAVORS, LARGE_VOLUME_GB, STORAGE_PRICE_PER_GB_HOUR } from "../scenario/prices.js";

/** A minimal SLA@SOI business template: the root element in the slamodel namespace and its UUID. */
export function slaTemplate(uuid: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<slasoi:SLATemplate xmlns:slasoi="http://www.slaatsoi.eu/slamodel">
  <slasoi:UUID>${uuid}</slasoi:UUID>
  <slasoi:ModelVersion>sla_at_soi_sla_model_v1.0</slasoi:ModelVersion>
</slasoi:SLATemplate>`;
}

/** Publishes the catalog; every created id is returned for the report. */
export async function publishCatalog(catalog: CatalogClient, plan: Plan): Promise<CatalogResult> {
  const validFrom = plan.start.toISOString().slice(0, 10);
  const validUntil = `${plan.start.getUTCFullYear() + 1}-12-31`;
  const party = await catalog.parties.create({ name: `meterkit demo provider ${plan.runId}` });
  const approved = await catalog.parties.approve({ partyId: party.id, balance: "0", creditLimit: "10000" });
  const product = await catalog.products.create({
    partyId: party.id,
    name: "Cloud compute (meterkit demo)",
    description: "Virtual machines by the hour, with block storage",
    category: "IaaS",
    validFrom,
  });
  const templateId = `mkdemo-${plan.runId}-compute`;
  const template = await catalog.templates.create({
    content: slaTemplate(templateId),
    description: "Compute SLA",
    providerId: party.id,
  });
  const offer = await catalog.offers.create({
    productId: product.id,
    partyId: party.id,
    templateId: template.id,
    name: "Pay as you go",
    validFrom,
  });
  const guarantee = await catalog.guarantees.create({
    name: "Availability 99.9 %",
    description: "Monthly uptime of every instance; 10 % of the price back when missed",
    type: "availability",
    percentage: "0.1",
    operator: "greater_than_or_equals",
    value: "99.9",
    valueType: "percent",
    slaTemplateId: template.id,
  });
  const unitResources: CatalogResult["unitResources"] = [];
  for (const f of FLAVORS) {
    const unit = await catalog.unitResources.create({
      name: f.name,
      type: `vm.${f.name.replace(".", "_")}`,
      description: `${f.vcpus} vCPU, ${f.ramMb / 1024} GB RAM`,
      unit: "hour",
    });
    const fee = await catalog.fixedFees.create({
      validFrom,
      validUntil,
      period: "per_hour",
      type: "per_hour",
      datatype: "vm",
      value: f.pricePerHour,
    });
    await catalog.pricedItems.setPrice({ priceId: fee.id, pricedItemId: unit.id });
    await catalog.pricedItems.addGuarantee({ guaranteeId: guarantee.id, pricedItemId: unit.id });
    const item = await catalog.pricedItems.get({ pricedItemId: unit.id });
    unitResources.push({
      id: unit.id,
      name: f.name,
      priceId: fee.id,
      value: fee.value,
      guaranteeIds: item.guaranteeIds,
    });
  }
  const storageFee = await catalog.variableFees.create({
    validFrom,
    validUntil,
    period: "per_hour",
    type: "per_hour",
    datatype: "GB",
    quantity: "1",
    value: STORAGE_PRICE_PER_GB_HOUR,
    condition: "less_than",
    conditionValue: String(LARGE_VOLUME_GB),
    conditionDatatype: "GB",
  });
  return {
    partyId: party.id,
    partyStatus: approved.status,
    productId: product.id,
    templateId: template.id,
    offerId: offer.id,
    unitResources,
    variableFeeId: storageFee.id,
    guaranteeId: guarantee.id,
  };
}
