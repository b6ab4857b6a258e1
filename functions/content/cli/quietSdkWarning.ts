// Imported first by the content CLIs: the SDK warns on Node 20 about its releases from 2027;
// engines.node already says so, and the warning would bury the command's own output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
