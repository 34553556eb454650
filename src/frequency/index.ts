export {
  indexDeliveries,
  frequencyAllows,
  recordDelivery,
  markDelivery,
  type MessageHistory,
  type DeliveryOutcome,
} from './history.js';
