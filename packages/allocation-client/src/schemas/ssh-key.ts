import { lazySchema } from "@meterkit/core";
import { z } from "zod";
import { bool, str } from "./fields.js";

/** Fields of OpenAPI 8.0.5 `SshKey` this client types. @internal */
export const SshKeyShape = () => ({
  url: str(),
  uuid: str(),
  name: str(),
  public_key: str(),
  fingerprint_md5: str(),
  fingerprint_sha256: str(),
  fingerprint_sha512: str(),
  user_uuid: str(),
  is_shared: bool(),
  type: str(),
});

/** @internal */
export const SshKeySchema = lazySchema(() =>
  z.looseObject({
    ...SshKeyShape(),
    // 5.4 only: one MD5 fingerprint; 8.x splits it into the three above.
    fingerprint: str(),
  }),
);

/** A public SSH key registered in Waldur (`GET keys/`). @public */
export type SshKey = z.infer<typeof SshKeySchema>;
