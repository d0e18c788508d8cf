trigger ContactTrigger on Contact(before delete, after delete, after update) {
    new ContactTriggerHandler().run();
}
