import {
  Appliance,
  type Clock,
  Connections,
  ImageDetail,
  IpAddress,
  Locations,
  Metadata,
  Network,
  Region,
  Server,
  serializeList,
  Volume,
} from "@meterkit/connector-model";

/** The nflex connector's `get(event, context)`: every resource, serialized for CMP. */
export function get(_event: unknown, _context: unknown, clock?: Clock) {
  return serializeList(
    [
      new Appliance({ id: "appliance-1", name: "Network 1", typeId: "firewall" }),
      new Network({ id: "network-1", name: "Network 1" }),
      new Server({ id: "server-1", name: "Server 1" }),
      new Volume({ id: "volume-1", name: "Volume 1" }),

      // A volume with some more details
      new Volume({
        id: "volume-2",
        name: "Volume 2",
        sizeB: 1024 * 1024 * 1024 * 1024, // 1 TB disks
        encrypted: false,
        iops: null,
        zoneName: "eu-west-1",
      }),

      // A server with some more details
      new Server({
        id: "server-2",
        name: "Server with lots of details",
        providerCreatedAt: new Date(Date.UTC(2017, 1, 4)),

        // Associate the server with the volume and network
        connections: new Connections({ volumes: ["volume-2"], networks: ["network-1"] }),

        // Add some metadata
        metadata: new Metadata({
          values: [
            ["key1", "value1"],
            ["key2", "value2"],
          ],
        }),

        // Legacy: a region id that CMP looks up (dropped because locations are given)
        region: new Region({ id: "region-1" }),

        // An example of a single location association
        locations: new Locations({
          locations: [
            {
              country: { name: "France" },
              city: { name: "Paris" },
              location: { name: "Legendary Paris Place", latitude: 48.860764, longitude: 2.393646 },
            },
          ],
        }),

        nativePortalLink: "http://www.example.com/servers/server-2",
        state: "stopped",
        providerState: "powered off",

        imageDetail: new ImageDetail({
          id: "image-1",
          name: "ubuntu 16.04",
          type: "Linux",
          distribution: "Ubuntu",
          version: "16.04",
          architecture: "64",
        }),

        cpuCores: 2,
        cpuHz: 2_500_000, // 2.5 GHz
        ramB: 1024 * 1024 * 32,
        volumesB: 1024 * 1024 * 1024 * 1024, // 1 TB disks

        ipAddresses: [
          new IpAddress({ ipAddress: "192.168.0.1", networkId: "network-1", networkName: "Network 1" }),
        ],
      }),
    ],
    clock === undefined ? undefined : { clock },
  );
}
