// The command-line tool (filled in by the CLI issue).
console.log('proactive-messaging: CLI not yet implemented');
