/** In-process stand-ins for services without a runnable release here. Filled in by the client issues. */
export {};
