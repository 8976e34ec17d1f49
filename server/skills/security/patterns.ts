/**
 * Shared vocabulary of the taint rules: where sensitive data comes from (sources) and where it can leave or run
 * (sinks). A finding needs both, in the same script or block; either alone is normal in real skills.
 */

/** Files that hold credentials (a public key `.pub` is not one). */
export const CREDENTIAL_FILE =
  /(\.ssh\/(id_[a-z0-9]+(?!\.pub)\b|\*|authorized_keys|config\b)|\.ssh\b(?![\w/.-]*\.pub)(?=["'\s)/]|$)|\.aws\/(credentials|config)|\.netrc|\.npmrc|\.pypirc|\.git-credentials|credential\.helper|\.docker\/config\.json|\.kube\/config|gcloud\/(credentials|application_default|legacy_credentials)|\.config\/gh\/hosts\.yml|keychain|find-generic-password|dump-keychain|solana\/id\.json|wallet\.dat|\bExodus\b|\bElectrum\b|MetaMask|Phantom|Login Data|Cookies\.sqlite|\/etc\/shadow|(^|[\s"'`/(=])\.env(\.local|\.production|\.prod)?\b(?!\.example|\.sample|\.template))/i;

/** The whole environment (not one named variable, which API clients read all the time). */
export const ENV_DUMP =
  /(\bdict\(os\.environ\)|json\.dumps\(\s*(dict\()?os\.environ|\{\*\*os\.environ|os\.environ\.items\(\)|JSON\.stringify\(\s*process\.env\s*\)|\.\.\.process\.env\b|Object\.(entries|keys|values)\(process\.env\)|(^|[|;&$(`]\s*)(env|printenv|set|export -p)\s*(\||\)|`|>|$)|Get-ChildItem\s+env:|\[Environment\]::GetEnvironmentVariables)/i;

/** A secret typed by the user into the skill's own prompt. */
export const PASSWORD_PROMPT = /(\bread\s+-[a-z]*s[a-z]*\b|getpass\(|Read-Host\s+.*-AsSecureString)/i;

/** The conversation or the agent's instructions: data a skill has no reason to send anywhere. */
export const CONVERSATION =
  /\b(system prompt|conversation( history)?|chat history|previous messages|the user'?s? (messages|prompts)|full transcript|your instructions)\b/i;

/** Secrets named in prose. */
export const SECRET_WORDS =
  /\b(secret access key|access key( id)?|secret key|private key|api[_ -]?keys?|tokens?|passwords?|passphrase|mfa code|2fa code|otp|one-time code|seed phrase|recovery phrase|mnemonic|credentials?|\.env)\b/i;

/** Sending data over the network from a script or command line. */
export const NETWORK_SEND =
  /(\bcurl\b[^\n]*\s(-d|--data[\w-]*|-F|--form|-T|--upload-file|-X\s*(POST|PUT|PATCH)|--request\s+(POST|PUT))\b|\bcurl\b[^\n]*https?:\/\/[^\s"']*\?[^\s"']*\$|\bwget\b[^\n]*--post-(data|file)|\b(nc|ncat|netcat)\s+(-[a-z]+\s+)*[\w.$-]+\s+\d+|\/dev\/(tcp|udp)\/|\brequests\.(post|put|patch)\(|\bhttpx\.(post|put|patch)\(|\burllib\.request\.(urlopen|Request)\(|http\.client\.HTTPS?Connection|\bsocket\.(create_connection|socket)\(|\bsmtplib\.|\bftplib\.|\bfetch\([^)]*|\baxios\.(post|put|patch)\(|\bhttps?\.request\(|\bnet\.(connect|createConnection)\(|sendBeacon\(|XMLHttpRequest|Invoke-(WebRequest|RestMethod)[^\n]*-(Body|Method\s+Post|InFile)|\bscp\s+[^\n]*\s[\w.-]+@[\w.-]+:|\bgh\s+gist\s+create\b|\baws\s+s3\s+(cp|sync|mv)\b[^\n]*s3:\/\/|\brclone\s+(copy|sync|move)\b|\bftp\s+-|\brsync\b[^\n]*\s[\w.-]+@[\w.-]+:)/i;

/** Prose asking to send something somewhere. */
export const PROSE_SEND =
  /\b(send|sends|post|posts|upload|uploads|forward|forwards|register|submit|transmit|exfiltrate|copy|copies|sync|report|beacon)\b.{0,160}(https?:\/\/\S+|\b(webhook|endpoint|collector|broker|dashboard|remote server|telemetry)\b)/i;

/** DNS lookups whose host name is built from data (a variable, a command's output, or xargs' `{}`). */
export const DNS_EXFIL =
  /((^|[;|&(`]|\$\(|\b(do|then|else|xargs(\s+-\S+)*))\s*(dig|nslookup|host|drill|Resolve-DnsName)\s+(-\S+\s+|\+\S+\s+)*["']?[\w.-]*(\$\([^)]*\)|\$\{?\w+\}?|\{\})\.[\w-]+\.[\w.-]+|gethostbyname\(\s*f["'][^"']*\{[^}]*\}\.[\w-]+\.|dns\.(lookup|resolve\w*)\(\s*`[^`]*\$\{[^}]*\}\.[\w-]+\.)/;

/** A network address that is only an IP (no name a user could recognise), or plain HTTP. */
export const RAW_OR_PLAIN = /(https?:\/\/\d{1,3}(\.\d{1,3}){3}|http:\/\/(?!localhost|127\.0\.0\.1))/i;

/** Actions that make hiding them or skipping a confirmation dangerous. */
export const RISKY_ACTION =
  /\b(push|publish|deploy|delete|rm\s|drop|install|run (any|every|all|the)? ?commands?|execute|exec|send|post|upload|curl|wget|credentials?|tokens?|secrets?|\.env|ssh|password|sudo|chmod|settings|auto-?approve|permissions?)\b/i;
