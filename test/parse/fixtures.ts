/** The example documents of SPEC §4, copied verbatim (as JSON) so tests parse real wire input. */

export const SPEC_MESSAGE_JSON = `{
  "id": "msg_pricing_help",
  "name": "Help on the pricing page",
  "brandId": "brand_1",
  "channelId": "web_main",
  "status": "live",
  "response": {
    "type": "agent",
    "text": "Questions about our plans? We are here.",
    "capture": ["name", "email"],
    "followUp": "Thanks! An agent will join you shortly."
  },
  "trigger": { "event": "timeOnPage", "seconds": 30 },
  "conditions": {
    "all": [
      { "fact": "pageUrl", "operator": "containsAnyOf", "value": ["/pricing"] },
      { "any": [
        { "fact": "language", "operator": "in", "value": ["en", "de"] },
        { "fact": "visitorType", "operator": "equal", "value": "returning" }
      ] }
    ]
  },
  "tags": ["proactive", "pricing"],
  "sendWindow": {
    "type": "businessHours",
    "schedule": {
      "timezone": "Europe/Berlin",
      "weekly": [
        { "day": "mon", "open": "09:00", "close": "17:00" },
        { "day": "fri", "open": "22:00", "close": "02:00" }
      ],
      "holidays": [{ "name": "Christmas", "start": "2026-12-24", "end": "2026-12-26" }]
    }
  },
  "frequency": "oncePerVisit",
  "priority": 0,
  "metrics": { "sent": 0, "read": 0, "replied": 0 },
  "createdAt": "2026-11-01T09:00:00Z",
  "updatedAt": "2026-11-20T12:00:00Z"
}`;

export const SPEC_VISITOR_JSON = `{
  "id": "v_123",
  "channelId": "web_main",
  "visit": { "id": "visit_9", "number": 2, "startedAt": "2026-11-23T09:58:00Z", "pageViews": 3 },
  "page": {
    "viewId": "pv_3", "url": "https://shop.example/pricing", "title": "Pricing",
    "referrer": "https://search.example/", "enteredAt": "2026-11-23T10:00:00Z"
  },
  "language": "en-US",
  "deviceType": "desktop",
  "metadata": { "plan": "trial", "cartValue": 120 },
  "inActiveConversation": false,
  "deliveries": [
    { "messageId": "msg_welcome", "at": "2026-11-20T08:00:00Z", "visitId": "visit_8", "pageViewId": "pv_1", "dismissed": true }
  ]
}`;

export const SPEC_WORKSPACE_JSON = `{
  "agentWorkspaceEnabled": true,
  "messagingEnabled": true,
  "channels": [{ "id": "web_main", "type": "webWidget", "brandId": "brand_1", "name": "Main site", "defaultSender": { "name": "Acme Support" } }],
  "aiAgents": [{ "id": "ai_1", "brandId": "brand_1", "name": "Acme Assistant", "published": true, "active": true, "channelIds": ["web_main"], "legacy": false, "answers": [] }],
  "automatedResolutions": { "pauseAiAgentFeaturesAtLimit": true, "limitReached": false }
}`;

/** A fresh, mutable copy of a fixture (tests modify copies, never the shared text). */
export function fresh<T = Record<string, unknown>>(json: string): T {
  return JSON.parse(json) as T;
}

/** Deep-freezes a JSON value so any mutation by the code under test throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (typeof current === 'object' && current !== null && !Object.isFrozen(current)) {
      Object.freeze(current);
      for (const key of Object.keys(current)) stack.push((current as Record<string, unknown>)[key]);
    }
  }
  return value;
}
