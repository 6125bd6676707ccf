// The demo's entry point. The full flow lands with its issue; until then it says so and exits cleanly.
console.log("meterkit demo: the end-to-end flow is not built yet (see the apps/demo issue).");
