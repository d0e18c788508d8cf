trigger MapContactTrigger on Map_Contact__c(before insert, before update, before delete, after insert, after update) {
    new MapContactTriggerHandler().run();
}
