// Starts the sandbox stand-ins. The stand-ins land with the client issues that need them.
console.log("meterkit sandbox: no stand-in is built yet.");
