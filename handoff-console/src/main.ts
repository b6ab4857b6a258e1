// The advisor console grows here with the handoff issue; for now it only marks the page live.
document.documentElement.dataset.consoleReady = "true";
